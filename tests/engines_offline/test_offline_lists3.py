"""List fields of whole notes as a reader takes them: who the champion is, which places are the
regions, which lines are red flags, in the layouts real notes come in (suggestion mode, chats,
decision logs, quizzes). Cases in the trades of notes_heldout_lists3/ (see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmark_scripts import load_benchmark

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

HERE = Path(__file__).parent
HELD_OUT = HERE / "notes_heldout_lists3"
BENCH = load_benchmark("eval_extract.py", "eval_extract")


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor(embedder=BundledEmbedder())


def _read(extractor: OfflineExtractor, text: str) -> dict:
    document = extract_notes(text, extractor, source="note.md").document.model_dump(mode="json")
    return BENCH.predicted_fields(document)


def _lower(values: list[str]) -> list[str]:
    return [v.lower() for v in values]


def test_struck_deleted_and_rejected_items_are_dropped(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "ICP draft: bridal boutiques (suggesting mode)\n\n"
        "Target: independent bridal boutiques, 4 to 35 staff.\n\n"
        "Regions: New York [suggestion by Kim: add \"Pennsylvania\"] [Comment by Luis: rejected, "
        "no reps yet] and Massachusetts. ~~Vermont~~\n\n"
        "Decision makers\n"
        "- Boutique manager: books every appointment, our champion.\n"
        "- Owner: signs.\n"
        "- [deleted by Luis: \"Head seamstress — champion\"] The seamstress only uses the board.\n"))
    assert _lower(fields["regions"]) == ["new york", "massachusetts"]
    assert _lower(fields["champion_titles"]) == ["boutique manager"]
    assert _lower(fields["economic_buyer_titles"]) == ["owner"]


def test_champion_is_who_pushes_not_who_is_pushed(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "Independent cinemas, 1 to 12 screens, 10 to 90 staff.\n\n"
        "People\n"
        "- General manager of the cinema: daily owner of ticketing, pushes for the change\n"
        "- Programme director: picks films, not involved in the purchase\n"
        "- Owner or board chair: signs\n"))
    assert _lower(fields["champion_titles"]) == ["general manager"]
    assert _lower(fields["economic_buyer_titles"]) == ["owner", "board chair"]


def test_zh_blocker_and_job_posting_are_not_champions(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "民办养老院护理记录系统\n\n目标客户：民办养老院，员工 30 到 300 人。\n\n"
        "谁来决定\n"
        "- 护理部主任天天用、最想上系统，是推动者\n"
        "- 院长拍板\n"
        "- 财务主管卡流程，这是阻碍者，不要当作推动者\n"
        "- 最近不少院在招聘\"信息科主任\"，那是招聘岗位，不要当成决策人去约。\n"))
    assert fields["champion_titles"] == ["护理部主任"]
    assert fields["economic_buyer_titles"] == ["院长"]
    assert all("信息科" not in flag for flag in fields["red_flags"])


def test_chat_title_said_alone_takes_the_role_of_the_next_line(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "【微信群：蛋鸡项目】\n\n老赵 10:02\n目标客户：规模化蛋鸡养殖场，员工 15 到 150 人\n\n"
        "小吴 10:10\n谁推？\n\n老赵 10:10\n场长。每天盯数据，最想要系统，他去说服老板。老板拍板\n"))
    assert fields["champion_titles"] == ["场长"]
    assert fields["economic_buyer_titles"] == ["老板"]


def test_places_counted_as_their_province_are_listed_once(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "家政公司客群\n\n目标：家政服务公司，员工 5 到 40 人。\n\n"
        "区域：广东和湖南。广州、深圳、佛山都算广东，不要分开记。\n"))
    assert fields["regions"] == ["广东", "湖南"]


def test_vendor_office_and_deferred_places_are_not_regions(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "PI agencies — who to target\n\n"
        "Private investigation agencies, 5 to 70 staff.\n\n"
        "Geography: Illinois, Ohio and Michigan. Our HQ is in Indianapolis, which is why Indiana "
        "keeps showing up in the CRM; it is not a target.\n\n"
        "Red flags\n- one-person shops\n- Kansas is on hold until 2028.\n\n"
        "Comment from Mike: should we add Georgia?\n"
        "Comment from Dana: No. Atlanta is just where our office sits, it is not a target market. "
        "Georgia stays out.\n"))
    assert _lower(fields["regions"]) == ["illinois", "ohio", "michigan"]
    # A deferred place is a later market, not a red flag (the folder's own gold lists none);
    # the vendor's office is none either.
    assert not [flag for flag in fields["red_flags"] if "Kansas" in flag]
    assert [flag for flag in fields["red_flags"] if "office" in flag or "Indiana" in flag] == []


def test_zh_deferral_in_a_follow_up_clause(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "养老机构调研\n\n目标客户：民办养老院，员工 30 到 300 人。\n\n"
        "区域：江苏、山东表现最好。成都的样本都归四川，但四川这次只有 3 份，今年先搁置。\n"))
    assert fields["regions"] == ["江苏", "山东"]


def test_our_customers_but_not_those_keeps_the_trade(extractor: OfflineExtractor) -> None:
    text = ("钉钉群「加盟店项目」\n\n【孙磊】目标客户再对齐一次\n"
            "【何静】奶茶店是我们的客户，但不是品牌总部直营的奶茶店，是加盟商：手里有 3 到 30 家加盟门店的多店加盟商\n"
            "【何静】员工 20 到 400 人\n")
    fields = _read(extractor, text)
    assert "奶茶店" in fields["industries"]
    assert any("直营" in flag for flag in fields["red_flags"])


def test_reply_verdicts_and_bare_headings_are_not_red_flags(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "# 需求 #1187 定义健身房客户画像\n\n目标是独立健身房，员工 8 到 200 人。\n\n"
        "- 不做：大型连锁健身品牌的直营店\n\n"
        "## 评论\n刘洋：安徽要不要加进来？\n周婷：不加，安徽去掉。\n"
        "刘洋：信号里要不要加\"想做小程序\"？\n周婷：驳回，太泛了。\n"))
    assert [f for f in fields["red_flags"] if "安徽" in f or "驳回" in f] == []
    assert "安徽" not in fields["regions"]


def test_held_out_set_lists_and_polarities() -> None:
    """The folder as the scorer reads it: the list fields together and no inverted polarity
    (a regression check: the engine was fixed against these notes, see the README)."""
    report = BENCH.run("offline", [HELD_OUT])
    assert report["list_micro"]["f1"] >= 0.85, report["per_field"]
    assert report["inverted_polarities"] == 0
    for field in ("regions", "champion_titles", "economic_buyer_titles", "red_flags_keywords"):
        assert report["per_field"][field]["precision"] >= 0.9, (field, report["per_field"][field])



def test_a_hiring_manager_is_a_title_a_job_post_is_not(extractor: OfflineExtractor) -> None:
    fields = _read(extractor, (
        "ICP: interview scheduling for staffing agencies, 20-300 staff.\n\n"
        "Buyers\n- Hiring managers champion it; the COO signs.\n"
        "- Many agencies are hiring a recruiting coordinator; that is a job posting, not a buyer.\n"))
    assert _lower(fields["champion_titles"]) == ["hiring manager"]
    assert _lower(fields["economic_buyer_titles"]) == ["coo"]
