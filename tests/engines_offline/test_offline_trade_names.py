"""Trades a note names by what their companies do are listed by the short name a person
writes ("operators of private marinas" -> "private marinas", "开民宿的老板" -> "民宿"), and a
trade added on a line of its own ("密室逃脱也算") is listed. Sentences written for this file;
the notes in `notes_tradenames/` and their first scores are described in its README."""

from __future__ import annotations

import pytest

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extraction.trade_names import short_trade_name
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes


@pytest.mark.parametrize(("described", "short"), [
    ("operators of private marinas", "private marinas"),
    ("people who run small hot-yoga studios", "hot-yoga studios"),
    ("companies that operate multi-level parking garages", "multi-level parking garages"),
    ("开民宿的老板", "民宿"),
    ("做冷链配送的公司", "冷链配送"),
])
def test_a_trade_described_by_who_runs_it_gets_its_short_name(described: str, short: str) -> None:
    assert short_trade_name(described) == short


@pytest.mark.parametrize("name", ["independent bookstores", "花店", "marina operators", "tattoo studios"])
def test_a_short_name_is_kept_as_it_is(name: str) -> None:
    assert short_trade_name(name) == name


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor(embedder=BundledEmbedder())


def _industries(extractor: OfflineExtractor, text: str) -> list[str]:
    return list(extract_notes(text, extractor).document.firmographics.industries)


def test_a_chain_described_by_its_work_is_listed_by_the_work_not_as_stores(extractor: OfflineExtractor) -> None:
    found = _industries(extractor, "目标客户：做冷链配送的连锁公司，员工50到300人，年营收两千万到三亿元")
    assert found == ["冷链配送"]


def test_a_trade_added_on_the_next_line_is_a_target_too(extractor: OfflineExtractor) -> None:
    found = _industries(extractor, "目标客户是开剧本杀店的老板，店里一般8到40个员工\n密室逃脱也算，很多是一起开的")
    assert found == ["剧本杀", "密室逃脱"]


def test_a_trade_that_counts_too_in_the_next_paragraph_is_a_target_too(extractor: OfflineExtractor) -> None:
    found = _industries(extractor, "We sell to tattoo studios with 3 to 25 artists.\n\nPiercing studios count too.")
    assert found == ["tattoo studios", "Piercing studios"]


def test_a_question_whether_a_trade_counts_adds_nothing(extractor: OfflineExtractor) -> None:
    found = _industries(extractor, "目标客户是开剧本杀店的老板，店里一般8到40个员工\n\n桌游吧也算吗？")
    assert "桌游吧" not in found
