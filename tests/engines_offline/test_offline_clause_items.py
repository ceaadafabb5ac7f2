"""Notes read sentence by sentence and clause by clause (issue 13 item 3): a paragraph gives one
item per sentence, one sentence may give items of several kinds, and the debris of chat exports,
memos and outlines is never an item. Every note here was written for this test."""

from __future__ import annotations

import pytest

from icp_coach.domain.icp import ICPDocument
from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extraction.exclusion import says_exclusion, states_requirement
from icp_coach.engines.offline.extraction.lines import split_units
from icp_coach.engines.offline.extraction.products import unknown_products
from icp_coach.engines.offline.extractor import OfflineExtractor, _tools_named
from icp_coach.services.extract_notes import extract_notes


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor(embedder=BundledEmbedder())


def _read(extractor: OfflineExtractor, notes: str) -> ICPDocument:
    return extract_notes(notes, extractor).document


def _all_items(document: ICPDocument) -> list[str]:
    return [*(p.description for p in document.pain_points),
            *(s.description for s in document.buying_signals),
            *(f.description for f in document.red_flags)]


def test_a_labelled_paragraph_gives_one_item_per_sentence(extractor: OfflineExtractor) -> None:
    document = _read(extractor, "Grooming salons\n\nWhat hurts them: no-shows leave the groomers "
                                "idle every Tuesday. Vaccination records are checked by hand at "
                                "the counter. Tips get lost between the card reader and payroll.\n")
    pains = [p.description for p in document.pain_points]
    assert len(pains) == 3
    assert any("Vaccination records" in p for p in pains)


def test_every_sentence_of_a_walk_away_paragraph_is_a_red_flag(
        extractor: OfflineExtractor) -> None:
    document = _read(extractor, "Grooming salons\n\nWe sell to multi-site dog grooming salons in "
                                "Ohio.\n\nWhere we walk away: mobile groomers working out of one "
                                "van. Pet superstores with a head-office system. Anyone who wants "
                                "the app rebuilt in their colours for free.\n")
    flags = [f.description for f in document.red_flags]
    assert len(flags) == 3
    assert any("superstores" in f for f in flags)


def test_chat_message_headers_are_not_items_nor_titles(extractor: OfflineExtractor) -> None:
    notes = ("#sales · export\n\n**Lena Fox (Head of Sales)** 9:02 AM\nWe win with regional "
             "self-serve car washes, five to thirty sites.\n\n**Omar Haddad** 9:05 AM\n"
             "The operations manager pushes it and the owner signs.\n")
    document = _read(extractor, notes)
    titles = [t for maker in document.decision_makers for t in maker.titles]
    assert not any("Head of Sales" in t for t in titles)
    assert any("operations manager" in t.lower() for t in titles)
    assert not any("9:0" in item for item in _all_items(document))
    assert [u.text for u in split_units(notes) if "AM" in u.text] == []


def test_memo_header_fields_are_not_items(extractor: OfflineExtractor) -> None:
    document = _read(extractor, "MEMO\n\nTo: the sales team\nFrom: Nadia\nRe: new hires in the "
                                "field, who to call first\n\nThey call us when they open a second "
                                "depot.\n")
    assert [s.description for s in document.buying_signals] == [
        "They call us when they open a second depot."]


def test_a_must_have_with_otherwise_is_not_a_red_flag(extractor: OfflineExtractor) -> None:
    assert states_requirement("必须能接电子秤，不然前台不会用")
    assert not says_exclusion("Must sync with Xero, otherwise the office won't touch it")
    assert says_exclusion("We don't sell to franchise offices")
    document = _read(extractor, "Bakery suppliers\n\nMust sync with Xero, otherwise the office "
                                "won't touch it.\n")
    assert document.red_flags == []


def test_a_negation_that_rules_nothing_out_is_not_a_red_flag(
        extractor: OfflineExtractor) -> None:
    document = _read(extractor, "Kennels\n\nMost kennels book stays in Gingr. We don't replace "
                                "Gingr; we sit on top of it and handle the invoices.\n")
    assert document.red_flags == []


def test_a_numbered_outline_line_over_bullets_is_their_heading(
        extractor: OfflineExtractor) -> None:
    document = _read(extractor, "宠物寄养 ICP\n\n一、客户是谁\n- 连锁宠物寄养门店\n\n"
                                "五、不做的客户\n- 只有一两个笼位的家庭寄养\n- 要求免费定制小程序的\n")
    flags = [f.description for f in document.red_flags]
    assert "不做的客户" not in flags
    assert len(flags) == 2


def test_a_semicolon_list_in_one_bullet_gives_several_items(extractor: OfflineExtractor) -> None:
    document = _read(extractor, "宠物寄养\n\n好时机\n- 刚开了第二家店；刚招了店长；"
                                "刚接了一个小区的长期合作\n")
    assert len(document.buying_signals) == 3


def test_products_listed_together_and_their_edition_are_kept() -> None:
    assert unknown_products("Kennelwise or Petlog for bookings") == ["Kennelwise", "Petlog"]
    # A known product vouches for an unknown one listed beside it, a few words between.
    assert "Kennelwise" in unknown_products("most are on QuickBooks or an old Kennelwise install")
    assert _tools_named("Sage 200 for the books") == ["Sage 200"]


def test_a_trade_title_beside_a_buying_role_is_a_decision_maker(
        extractor: OfflineExtractor) -> None:
    document = _read(extractor, "Kennels\n\nThe kennel manager usually pushes for it and the "
                                "owner signs.\n")
    champions = [t for m in document.decision_makers if m.role == "champion" for t in m.titles]
    assert "kennel manager" in [t.lower() for t in champions]
