"""Whatever the notes hold, extraction returns a valid patch and never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icp_coach.domain.icp import ICPDocument
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

EXTRACTOR = OfflineExtractor(use_embeddings=False)
PIECES = st.sampled_from([
    "## Pain", "Red flags:", "- ", "50 to 200 people", "$5M-$40M ARR", "年收入 1 亿到 10 亿人民币",
    "Champion = Head of RevOps", "谁拍板：厂长", "under 50", "< $2M", "US + Canada", "用友 U8",
    "？", ":", "：", "\n", "\n\n", " ", "1-", "万", "亿", "between", "and", "to", "maya: ",
    "fifteen hundred", "a couple", "NPS 40", "30% referrals", "不碰", "not", "¥", "€", "…",
])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40))
def test_any_text_gives_a_valid_patch(pieces: list[str]) -> None:
    text = "".join(pieces)
    for step in (0, 1, 3):
        extraction = EXTRACTOR.extract_patch(text, step=step, draft=ICPDocument(name="t"),
                                             language="en")
        assert extraction.engine == "offline"
    if text.strip():
        document = extract_notes(text, EXTRACTOR).document
        for bounds in (document.firmographics.employees, document.firmographics.annual_revenue_usd):
            assert all(v is None or v >= 0 for v in (bounds.min, bounds.max))


def test_a_long_note_is_read_in_one_pass() -> None:
    block = ("## Pain\n- invoices chased by hand in Excel\n\n## Who\n- B2B SaaS, 50 to 300 people\n"
             "Champion = Head of RevOps. Buyer who signs = CFO.\n")
    document = extract_notes(block * 300, EXTRACTOR).document
    assert len(document.pain_points) == 1  # the same line repeated is one pain point
    assert (document.firmographics.employees.min, document.firmographics.employees.max) == (50, 300)
