"""Places a note defers, drops, narrows or adds back, and lines about the vendor's own tools or
about what a thing is: sentences written for this file."""

from __future__ import annotations

import pytest

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extraction.place_changes import PlaceEvent, fold, place_change
from icp_coach.engines.offline.extraction.vendor_side import (
    only_sorts_a_thing,
    our_tools_clause,
    our_tools_sentence,
)
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor(embedder=BundledEmbedder())


@pytest.mark.parametrize("clause", ["Vermont next year", "Maine comes in 2028", "Idaho is parked",
                                    "scratch Utah", "removed Nevada", "Utah is out",
                                    "海南明年", "江西下半年再看", "湖南删掉", "贵州先放着"])
def test_a_deferred_or_dropped_place_is_taken_off(clause: str) -> None:
    assert place_change(clause, ruled_out=False) == "drop"


@pytest.mark.parametrize("clause", ["Vermont and Maine", "we do Idaho until the snow comes",
                                    "湖南和湖北"])
def test_a_plain_mention_changes_nothing(clause: str) -> None:
    assert place_change(clause, ruled_out=False) is None


def test_the_later_word_wins() -> None:
    kept, dropped = fold([PlaceEvent("keep", ("utah", "idaho", "nevada")),
                          PlaceEvent("drop", ("nevada",)),
                          PlaceEvent("keep", ("oregon",)),
                          PlaceEvent("drop", ("oregon",)),
                          PlaceEvent("keep", ("oregon",))])
    assert kept == ["utah", "idaho", "oregon"]
    assert [e.keys for e in dropped] == [("nevada",)]


def test_a_correction_narrows_to_what_it_names_and_what_lies_inside() -> None:
    parents = {"salt lake city": "utah"}
    kept, _ = fold([PlaceEvent("keep", ("utah", "salt lake city", "idaho")),
                    PlaceEvent("only", ("utah",))], parents.get)
    assert kept == ["utah", "salt lake city"]


def test_only_narrows_when_a_correction_says_so() -> None:
    assert place_change("Utah only", ruled_out=False) is None
    assert place_change("Utah only", ruled_out=False, line="Correction: Utah only") == "only"


def test_whole_notes_read_in_order(extractor: OfflineExtractor) -> None:
    notes = ("We sell to kennel operators with 5-40 staff.\n\n"
             "Regions: Utah, Idaho, Nevada. Oregon later.\n\n"
             "Update: Nevada is out, licensing is a mess.\n\n"
             "Changelog\n- removed Idaho\n- added Montana\n")
    regions = extract_notes(notes, extractor).document.firmographics.regions
    assert regions == ["Utah", "Montana"], regions


def test_what_lies_outside_a_place_keeps_the_place(extractor: OfflineExtractor) -> None:
    notes = "We sell to kennel operators with 5-40 staff.\n\nRed flags:\n- anyone outside Canada\n"
    assert extract_notes(notes, extractor).document.firmographics.regions == ["Canada"]


@pytest.mark.parametrize("sentence", ["Internally we track every lead in Pipedrive.",
                                      "Our own stack: Zendesk and Gong.",
                                      "我们内部用钉钉管线索。", "这个跟客户无关，我们用的是飞书。"])
def test_sentences_about_our_own_tools(sentence: str) -> None:
    assert our_tools_sentence(sentence)


@pytest.mark.parametrize("clause, ours", [("we run our pipeline in Close", True),
                                          ("we sync with their QuickBooks", False),
                                          ("they run Toast at the counter", False),
                                          ("我这边线索都录在销售易里", True)])
def test_clauses_about_our_own_tools(clause: str, ours: bool) -> None:
    assert our_tools_clause(clause) is ours


def test_our_tools_are_not_their_stack_but_theirs_are(extractor: OfflineExtractor) -> None:
    notes = ("We sell to kennel operators with 5-40 staff.\n\n"
             "Stack: they book in Gingr and do the books in Xero.\n\n"
             "We log all of this in our HubSpot.\n")
    stack = extract_notes(notes, extractor).document.technographics.tech_stack
    assert stack == ["Gingr", "Xero"], stack


@pytest.mark.parametrize("text, aside", [
    ("The kennel runs and dryers are their equipment, not software.", True),
    ("烘干机、笼位是硬件，不算系统", True),
    ("Skip kennels that only want a groomer, walk away", False),
    ("Not franchise kennels", False)])
def test_a_line_that_only_sorts_a_thing(text: str, aside: bool) -> None:
    assert only_sorts_a_thing(text) is aside


def test_an_equipment_aside_is_no_red_flag(extractor: OfflineExtractor) -> None:
    notes = ("We sell to kennel operators with 5-40 staff.\n\n"
             "Their dryers and kennel runs are equipment, not software.\n\n"
             "Walk away from franchise kennels.\n")
    flags = [f.description for f in extract_notes(notes, extractor).document.red_flags]
    assert flags == ["Walk away from franchise kennels."], flags


def test_titles_with_a_role_are_decision_makers_not_signals(extractor: OfflineExtractor) -> None:
    notes = ("We sell to kennel operators with 5-40 staff.\n\n"
             "When to call: they just opened a second site. The Kennel Manager usually "
             "champions it; the owner signs.\n")
    document = extract_notes(notes, extractor).document
    signals = [s.description for s in document.buying_signals]
    assert not any("signs" in s or "champions" in s for s in signals), signals


def test_scoring_marks_are_not_part_of_an_item(extractor: OfflineExtractor) -> None:
    notes = ("# Kennel scoring\n\nSignals\n- Opening a second site (+15)\n\n"
             "Disqualifiers\n- [DQ-02] Franchise kennels\n")
    document = extract_notes(notes, extractor).document
    assert [s.description for s in document.buying_signals] == ["Opening a second site"]
    assert [f.description for f in document.red_flags] == ["Franchise kennels"]


def test_a_moment_the_note_denies_is_no_signal(extractor: OfflineExtractor) -> None:
    notes = ("We sell to kennel operators with 5-40 staff.\n\n"
             "Buying signals\n- Opening a second site\n- A new groomer alone is not a signal\n"
             "- A holiday rush they can't staff\n")
    signals = [s.description for s in extract_notes(notes, extractor).document.buying_signals]
    assert signals == ["Opening a second site", "A holiday rush they can't staff"], signals


@pytest.mark.parametrize("clause, product", [("Bookwell for scheduling", "Bookwell"),
                                             ("they book in Resova", "Resova"),
                                             ("Stack: Zenbooker", "Zenbooker")])
def test_an_unknown_product_by_what_surrounds_it(clause: str, product: str) -> None:
    from icp_coach.engines.offline.extraction.products import unknown_products

    assert unknown_products(clause) == [product]


@pytest.mark.parametrize("clause", ["in March they switch", "Owners for the books",
                                    "Staff use Tablets"])
def test_common_words_are_no_products(clause: str) -> None:
    from icp_coach.engines.offline.extraction.products import unknown_products

    assert unknown_products(clause) == []


@pytest.mark.parametrize("clause, product", [("订场用趣动通，收银用现金", "趣动通"),
                                             ("量尺寸用纸笔", None), ("用收银机加 Excel", None)])
def test_an_unknown_chinese_product_after_a_verb_of_using(clause: str, product: str | None) -> None:
    from icp_coach.engines.offline.extraction.products import unknown_cjk_products

    assert unknown_cjk_products(clause) == ([product] if product else [])
