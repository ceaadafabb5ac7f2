"""Target trades read from the sentence's relations: the trade a relative clause names ("shops
that restore vintage motorcycles"), the subject of "are our customers" / "是我们的目标客户", and
never a trade a label or clause gives another role (partners, suppliers, those who send them
work or buy from them).

The 22 notes in `notes_industries2/` (new trades, English and Chinese, chat threads, memos,
tables, forms, wiki, slides, OCR'd whiteboards, e-mails, a voice memo, a forum thread) and their
expected trades were written before the engine saw them; the first score is in their README."""

from __future__ import annotations

from pathlib import Path

import pytest
from industry_gold import folder_gold
from industry_gold import meets as _meets

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extraction.segments import defined_segments
from icp_coach.engines.offline.extraction.trade_roles import labels_other_role, turns_clause_before
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

FOLDER = Path(__file__).parent / "notes_industries2"
GOLD = folder_gold(FOLDER)


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor(embedder=BundledEmbedder())


def _industries(extractor: OfflineExtractor, text: str) -> list[str]:
    return list(extract_notes(text, extractor).document.firmographics.industries)


@pytest.fixture(scope="module")
def predicted(extractor: OfflineExtractor) -> dict[str, list[str]]:
    return {name: _industries(extractor, (FOLDER / name).read_text("utf-8")) for name in GOLD}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_no_trade_in_another_role_is_reported(predicted: dict[str, list[str]], name: str) -> None:
    wrong = [value for value in predicted[name] for entry in GOLD[name]["never"] if _meets(entry, value)]
    assert not wrong, (name, predicted[name])


def test_the_target_trades_are_found_once_each(predicted: dict[str, list[str]]) -> None:
    right = sum(any(_meets(entry, value) for entry in GOLD[name]["industries"])
                for name in GOLD for value in predicted[name])
    found = sum(any(_meets(entry, value) for value in predicted[name])
                for name in GOLD for entry in GOLD[name]["industries"])
    total_predicted = sum(len(values) for values in predicted.values())
    total_gold = sum(len(entry["industries"]) for entry in GOLD.values())
    assert right / total_predicted >= 0.9 and found / total_gold >= 0.9, predicted
    assert all(len(values) <= len(GOLD[name]["industries"]) for name, values in predicted.items()), predicted


@pytest.mark.parametrize(("sentence", "words"), [
    ("For the pilot we want shops that rebuild vintage outboard motors, 2-10 people",
     "shops that rebuild vintage outboard motors"),
    ("We sell to firms that inspect bridges and tunnels.", "firms that inspect bridges and tunnels"),
    ("Primary: we target companies that lease scaffolding to builders",
     "companies that lease scaffolding"),
    ("We sell to outfits hauling livestock (cattle, sheep), 3-30 trucks", "outfits hauling livestock"),
])
def test_a_business_named_by_what_it_does_is_read_in_the_notes_words(sentence: str, words: str) -> None:
    assert [s.words for s in defined_segments(sentence)] == [words]


def test_a_clause_about_a_state_a_tool_or_a_customer_names_no_trade() -> None:
    assert defined_segments("We target shops that use Excel.") == []
    assert defined_segments("Our customers are small firms that have 20 staff.") == []
    assert defined_segments("We sell to firms that sell to hospitals.") == []
    assert defined_segments("We target shops using Excel.") == []


@pytest.mark.parametrize(("note", "expected"), [
    ("Pallet recyclers are who we sell to. Their customers are warehouses.", ["Pallet recyclers"]),
    ("Mobile welding crews are our customers; steel suppliers sell to them.", ["Mobile welding crews"]),
    ("会议记录\n做锅巴的小作坊是我们的目标客户，规模10到50人。", ["锅巴作坊"]),
])
def test_the_subject_of_are_our_customers_is_the_target(extractor: OfflineExtractor, note: str,
                                                        expected: list[str]) -> None:
    assert _industries(extractor, note) == expected


def test_what_they_are_to_someone_else_is_no_statement_of_ours() -> None:
    assert defined_segments("Hotels are our customers' customers.") == []
    assert defined_segments("Dentists are not our customers.") == []


def test_a_supplier_named_in_its_own_clause_leaves_the_target_before_it(extractor: OfflineExtractor) -> None:
    assert _industries(extractor, "目标客户是玩具厂，塑料粒子贸易商是他们的供应商。") == ["玩具"]
    assert not turns_clause_before("塑料粒子贸易商是他们的供应商")
    assert turns_clause_before("，不算") and turns_clause_before("those are their clients")


def test_a_label_for_partners_or_suppliers_names_no_target(extractor: OfflineExtractor) -> None:
    note = ("Target: wedding dress alteration studios\n"
            "Partners: bridal boutiques refer brides to them\n"
            "Suppliers: fabric wholesalers")
    assert _industries(extractor, note) == ["wedding dress alteration studios"]
    assert labels_other_role("Their customers") and labels_other_role("上游")
    assert not labels_other_role("Customers")  # may be ours


def test_the_same_trade_spelled_twice_is_one_item(extractor: OfflineExtractor) -> None:
    assert len(_industries(extractor, "目标客户：纹身店，也就是纹身工作室，3到10个师傅")) == 1


def test_a_shop_named_by_its_work_on_a_known_thing_is_that_shop(extractor: OfflineExtractor) -> None:
    assert _industries(extractor, "目标客户：汽车贴膜改色店，4S店不算") == ["汽车贴膜改色店"]


def test_a_known_thing_and_the_work_done_on_it_before_a_shop_noun_is_one_finer_trade() -> None:
    from icp_coach.engines.offline.extraction.compound_trades import trade_keys
    from icp_coach.engines.offline.extraction.gazetteer import industries

    assert trade_keys("汽车改装店，做轮毂", industries()) == ["汽车改装店"]
    assert trade_keys("餐饮门店", industries()) == ["restaurants"]  # a shop of any kind


def test_what_we_would_sell_to_is_the_target_not_what_they_sell_to(extractor: OfflineExtractor) -> None:
    note = "Call notes\n- they mostly sell to grocery chains\n- we'd sell to the spice blenders themselves"
    assert _industries(extractor, note) == ["spice blenders"]


def test_where_the_target_works_is_not_a_target(extractor: OfflineExtractor) -> None:
    note = "Ideal customer = boat detailing outfits; marinas are where they work, not who we sell to."
    assert _industries(extractor, note) == ["boat detailing outfits"]


@pytest.mark.parametrize(("note", "expected"), [
    ("Segment: mobile tyre fitters. Tyre wholesalers can wait until 2028.", ["mobile tyre fitters"]),
    ("目标客户：职业技能培训学校；家政公司是合作方。", ["职业技能培训学校"]),
])
def test_a_trade_put_off_or_called_a_partner_is_no_target(extractor: OfflineExtractor, note: str,
                                                          expected: list[str]) -> None:
    assert _industries(extractor, note) == expected


def test_a_label_saying_a_trade_fits_too_adds_it(extractor: OfflineExtractor) -> None:
    note = "ICP\n- who: independent print-on-demand studios\n- also fine: screen-printing shops\n"
    assert len(_industries(extractor, note)) == 2
    assert _industries(extractor, "目标客户：汽车贴膜店\n也可以：汽车音响改装店\n") == ["汽车贴膜店", "汽车音响改装店"]
