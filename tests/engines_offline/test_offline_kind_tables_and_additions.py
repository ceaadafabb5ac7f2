"""Trades a person reads off three layouts: a table whose first column names the kind of
customer ("| Company type | Staff |", "| 行业 | 门店数 |"), a buyer label followed by businesses
("Target buyers: ..."), and a second trade added in the same sentence ("..., and Y too", "Y也行").

The notes in `notes_industries3/` were written and scored once before these changes (README);
the checks on them are regression checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from industry_gold import meets as _meets
from industry_gold import squeeze as _squeeze

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

FOLDER = Path(__file__).parent / "notes_industries3"


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor(embedder=BundledEmbedder())


def _industries(extractor: OfflineExtractor, text: str) -> list[str]:
    return list(extract_notes(text, extractor).document.firmographics.industries)


def test_first_column_named_company_type_lists_the_trades(extractor: OfflineExtractor) -> None:
    text = ("| Company type | Staff | Region |\n|---|---|---|\n"
            "| Kitesurf schools | 3-20 | Portugal |\n| Paddleboard rental huts | 2-10 | Spain |\n\n"
            "Surf shops sell to the same people; not a target.")
    found = _industries(extractor, text)
    assert any(_meets("kitesurf schools|kitesurfing schools", v) for v in found)
    assert any(_meets("paddleboard rental huts|paddleboard rental", v) for v in found)
    assert not any(_meets("surf shops", v) for v in found)


def test_pasted_table_under_a_chinese_kind_header(extractor: OfflineExtractor) -> None:
    text = "客户类型\t规模\t地区\n陶艺体验馆\t5-30人\t福建\n木工体验馆\t3-20人\t福建\n\n原料供应商不是客户。"
    found = _industries(extractor, text)
    assert any(_meets("陶艺体验馆|陶艺", v) for v in found)
    assert any(_meets("木工体验馆|木工", v) for v in found)


def test_a_row_label_column_is_still_a_label(extractor: OfflineExtractor) -> None:
    text = ("| Segment | Description |\n|---|---|\n| Primary | kitesurf schools, 3-20 staff |\n\n"
            "Region: Portugal.")
    found = _industries(extractor, text)
    assert any(_meets("kitesurf schools|kitesurfing schools", v) for v in found)
    assert not any(_meets("primary", v) for v in found)


def test_businesses_after_a_buyer_label_are_the_segment(extractor: OfflineExtractor) -> None:
    text = "Target buyers: kitesurf schools and paddleboard rental huts, 3-20 staff\nRegion: Portugal.\nThe owner signs."
    found = _industries(extractor, text)
    assert any(_meets("kitesurf schools|kitesurfing schools", v) for v in found)
    assert any(_meets("paddleboard rental huts|paddleboard rental", v) for v in found)


def test_people_after_a_buyer_label_name_no_trade(extractor: OfflineExtractor) -> None:
    text = "Segment: kitesurf schools, 3-20 staff\nBuyer: owner or head instructor\nRegion: Portugal."
    document = extract_notes(text, extractor).document
    assert [_squeeze(v) for v in document.firmographics.industries] == ["kitesurfschools"]
    assert any("owner" in t.lower() for m in document.decision_makers for t in m.titles)


def test_chinese_buyer_sentence_names_the_trade(extractor: OfflineExtractor) -> None:
    found = _industries(extractor, "我们的理想买家是陶艺体验馆，员工5到30人，在福建。")
    assert any(_meets("陶艺体验馆", v) for v in found)


def test_a_trade_added_in_the_same_sentence_is_kept(extractor: OfflineExtractor) -> None:
    found = _industries(extractor, "We sell to kitesurf schools, and paddleboard rental huts are also fine.\n"
                                   "Size: 3-20 staff. Region: Portugal.")
    assert any(_meets("kitesurf schools|kitesurfing schools", v) for v in found)
    assert any(_meets("paddleboard rental huts", v) for v in found)
    found = _industries(extractor, "我们的客户主要是陶艺体验馆，木工体验馆也行。规模5到30人。")
    assert any(_meets("陶艺体验馆", v) for v in found)
    assert any(_meets("木工体验馆", v) for v in found)


def test_a_tool_or_a_refusal_added_after_the_trade_is_no_trade(extractor: OfflineExtractor) -> None:
    found = _industries(extractor, "We sell to kitesurf schools, and Excel is also fine for them.\n"
                                   "Size: 3-20 staff.")
    assert not any("excel" in v.lower() for v in found)
    found = _industries(extractor, "我们的客户主要是陶艺体验馆，规模5到30人。原料厂也不做。")
    assert not any("原料厂" in v for v in found)


GOLD = {path.name: json.loads(path.read_text("utf-8")) for path in sorted(FOLDER.glob("*.gold.json"))}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_notes_industries3_regression(extractor: OfflineExtractor, name: str) -> None:
    gold = GOLD[name]
    found = _industries(extractor, (FOLDER / gold["notes"]).read_text("utf-8"))
    for entry in gold["never_industries"]:
        assert not any(_meets(entry, v) for v in found), (entry, found)
    met = sum(1 for entry in gold["industries"] if any(_meets(entry, v) for v in found))
    assert met >= len(gold["industries"]) - (1 if name == "escape_rooms_industry_zh.gold.json" else 0), found
