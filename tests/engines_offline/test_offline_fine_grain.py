"""Notes keep the grain they are written at: the state, the province, the trade the user named,
in the note's own language, each place once at every grain stated (a top-level bucket beside a
finer place left out), and nothing the note rules out."""

from __future__ import annotations

from icp_coach.domain.icp import Firmographics
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes


def _firmographics(notes: str) -> Firmographics:
    return extract_notes(notes, OfflineExtractor(use_embeddings=False)).document.firmographics


def test_an_english_note_keeps_the_states_and_the_trade() -> None:
    firmo = _firmographics("# Who we sell to\n\n"
                           "- Commercial roofing contractors in the Midwest and Ohio, not Michigan\n"
                           "- 40 to 400 employees\n")
    assert firmo.industries == ["roofing"]
    assert firmo.regions == ["Midwest", "Ohio"]


def test_a_chinese_note_is_answered_in_chinese() -> None:
    firmo = _firmographics("# 目标客户\n\n- 浙江、福建的冷库运营商，广东先不做\n- 员工50到300人\n")
    assert firmo.industries == ["冷库"]
    assert firmo.regions == ["浙江", "福建"]


def test_every_grain_stated_is_kept_but_a_top_level_bucket_beside_a_finer_place() -> None:
    firmo = _firmographics("# ICP\n\n- Dental practices across North America, mostly Texas\n")
    assert firmo.regions == ["Texas"]
    firmo = _firmographics("# ICP\n\n- 国内为主，集中在江苏苏州和无锡\n")
    assert firmo.regions == ["江苏", "苏州", "无锡"]


def test_an_interview_answer_reads_the_same_way() -> None:
    from icp_coach.domain.icp import ICPDocument

    patch = OfflineExtractor(use_embeddings=False).extract_patch(
        "Plumbing and HVAC contractors in Ontario and Quebec, 20-150 staff", step=1,
        draft=ICPDocument(name="x"), language="en").patch
    assert patch.industries == ["plumbing", "hvac"]
    assert patch.regions == ["Ontario", "Quebec"]
