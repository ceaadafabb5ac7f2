"""Red flags carried by a note's structure rather than its words: a board's "Not a fit" column
(Trello "List:", 飞书 【列：不做】, cards as "卡片：" or "- [ ]" items), a config's multi-line
"disqualify" list, a sub-heading or table debris inside a ruling-out section, and a look-alike
whose verdict sits in the next clause. Texts written for this file (trades used nowhere else)."""

from __future__ import annotations

from pathlib import Path

import pytest

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

FOLDER = Path(__file__).parent / "notes_flags_structure"


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor(embedder=BundledEmbedder())


def _read(extractor: OfflineExtractor, text: str) -> tuple[list[str], list[str], list[str]]:
    document = extract_notes(text, extractor, source="t.md").document
    return ([flag.description for flag in document.red_flags],
            [signal.description for signal in document.buying_signals],
            list(document.firmographics.industries))


def test_trello_not_a_fit_list_cards_are_red_flags_without_checkboxes(extractor: OfflineExtractor) -> None:
    flags, signals, _ = _read(extractor, (
        "Trello export: piano movers board\n\nList: Target\n- [ ] Piano moving companies with 3-20 crews\n\n"
        "List: Not a fit\n- [ ] Furniture removal vans run by one person\n- [x] Auction houses that move their own pianos\n\n"
        "List: Signals\n- [ ] Just opened a second depot\n"))
    assert flags == ["Furniture removal vans run by one person", "Auction houses that move their own pianos"]
    assert signals == ["Just opened a second depot"]


def test_feishu_column_cards_are_red_flags_and_the_next_column_is_not(extractor: OfflineExtractor) -> None:
    flags, signals, _ = _read(extractor, (
        "飞书看板：搬家公司画像\n\n【列：目标客户】\n卡片：有5-30台车的搬家公司\n\n"
        "【列：不做】\n卡片：只接同城小件的跑腿平台\n卡片：物流园里的零担专线\n\n【列：信号】\n卡片：刚买了新厢式车\n"))
    assert flags == ["只接同城小件的跑腿平台", "物流园里的零担专线"]
    assert signals == ["刚买了新厢式车"]


def test_multiline_json_disqualify_list_ends_at_its_bracket(extractor: OfflineExtractor) -> None:
    flags, signals, _ = _read(extractor, (
        'Scaffolding hire ICP\n\n{\n  "segment": "scaffolding hire firms",\n  "disqualify": [\n'
        '    "one-man scaffolders",\n    "builders who own their own scaffolding"\n  ],\n'
        '  "signals": [\n    "won a council housing contract"\n  ]\n}\n'))
    assert flags == ["one-man scaffolders", "builders who own their own scaffolding"]
    assert signals == ["won a council housing contract"]


def test_a_list_of_objects_is_not_read_as_items(extractor: OfflineExtractor) -> None:
    flags, _, _ = _read(extractor, (
        'Config\n\n{\n  "exclude": [\n    {"name": "x", "reason": "y"}\n  ]\n}\n'))
    assert "x" not in flags and "y" not in flags


def test_subheading_and_table_header_inside_an_out_column_are_debris(extractor: OfflineExtractor) -> None:
    flags, _, _ = _read(extractor, (
        "# Piano movers — board\n\n## Target\n- Piano moving companies, 3-20 crews\n\n## Out\n"
        "### Card details\n| Card | Owner |\n|---|---|\n- [ ] Self-storage sites renting dollies\n---\n"
        "## Notes\n- Spring house moves are when they call.\n"))
    assert flags == ["Self-storage sites renting dollies"]


@pytest.mark.parametrize(("text", "look_alike", "target"), [
    ("We sell to piano moving companies with 3-20 crews.\n"
     "Art shippers look a lot like piano movers, but they are not our customers.\n", "Art shippers", "piano"),
    ("目标是搬家公司，5-30台车。\n快递网点长得很像，但不是我们的客户。\n", "快递网点", "搬家"),
])
def test_a_look_alike_ruled_out_in_the_next_clause_is_a_red_flag(
        extractor: OfflineExtractor, text: str, look_alike: str, target: str) -> None:
    flags, _, industries = _read(extractor, text)
    assert any(look_alike in flag for flag in flags)
    assert not any(look_alike.lower() in industry.lower() for industry in industries)


def test_a_hedge_that_looks_like_is_no_look_alike(extractor: OfflineExtractor) -> None:
    flags, _, _ = _read(extractor, "We sell to piano moving companies.\n"
                                   "It looks like they don't track crew hours at all.\n")
    assert flags == []


def test_held_out_folder_red_flags_all_found() -> None:
    """Regression check on the folder tuned on: every gold red flag found, no stray one."""
    from benchmark_scripts import load_benchmark

    bench = load_benchmark("eval_extract.py", "eval_extract_flags_structure")
    report = bench.run("offline", [FOLDER])
    assert report["per_field"]["red_flags_keywords"]["f1"] >= 0.95
