"""A Chinese compound of several gazetteer trades is one trade in the note's own words
(医疗器械经销商 is a medical-device distributor, not medical devices plus wholesale); trades
joined by 和、及、的 stay apart, and a lone trade keeps its canonical entry."""

from __future__ import annotations

import pytest

from icp_coach.engines.offline.extraction import gazetteer
from icp_coach.engines.offline.extraction.compound_trades import trade_keys


@pytest.mark.parametrize("clause, expected", [
    ("主要做医疗器械经销商", ["医疗器械经销商"]),
    ("农机配件批发商，三十人以上", ["农机配件批发商"]),
    ("酒店和餐饮", ["hotels", "restaurants"]),
    ("服装的零售", ["fashion", "retail"]),
    ("连锁餐饮企业", ["restaurants"]),
    ("Regional logistics firms and ecommerce brands", ["logistics", "ecommerce"]),
])
def test_compounds_are_one_trade_and_lists_stay_apart(clause: str, expected: list[str]) -> None:
    assert trade_keys(clause, gazetteer.industries()) == expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("主要是竹筷厂和牙签厂", ["竹筷厂", "牙签厂"]),   # products the gazetteer does not know
    ("中小型灯笼工厂", ["灯笼工厂"]),
    ("纸箱厂", ["corrugated packaging"]),               # it knows this product
    ("这些工厂", ["manufacturing"]),
    ("厂长拍板", []),
])
def test_a_factory_is_named_by_its_product(clause: str, expected: list[str]) -> None:
    assert trade_keys(clause, gazetteer.industries()) == expected
