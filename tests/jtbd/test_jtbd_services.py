"""Across interviews: themes, patterns versus hypotheses, what feeds the ICP, the report."""

from __future__ import annotations

from jtbd_helpers import FIXTURES

from icp_coach.domain.jtbd import EvidencedItem, Forces, JTBDResult, Quote
from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
from icp_coach.services.jtbd import analyse_transcripts, verify_result
from icp_coach.services.jtbd_report import render_report
from icp_coach.services.jtbd_themes import build_themes, icp_feed
from icp_coach.transcripts.loader import load_transcript


def _result(source: str, push: str, trigger: str = "") -> JTBDResult:
    quote = Quote(quote=push, source=source, line=3, speaker="C")
    triggers = [EvidencedItem(text=trigger, evidence=[Quote(quote=trigger, source=source, line=5)],
                              verified=True)] if trigger else []
    return JTBDResult(source=source, forces=Forces(push=[EvidencedItem(text=push, evidence=[quote],
                                                                       verified=True)]),
                      triggers=triggers)


def test_a_theme_needs_enough_interviews_to_be_a_pattern() -> None:
    results = [_result("a.txt", "Invoices typed in by hand every day", "the audit flagged a duplicate"),
               _result("b.txt", "Every invoice typed in by hand", "auditors flagged duplicate payments"),
               _result("c.txt", "We typed invoices by hand", ""),
               _result("d.txt", "The dashboard loads slowly", "")]
    themes = build_themes(results, threshold=3)
    typed = next(t for t in themes if t.kind == "push" and "hand" in t.text)
    assert typed.support == 3 and typed.status == "pattern"
    assert sorted(typed.sources) == ["a.txt", "b.txt", "c.txt"]
    slow = next(t for t in themes if "slowly" in t.text)
    assert slow.support == 1 and slow.status == "hypothesis"
    assert build_themes(results, threshold=4)[0].status == "hypothesis"


def test_themes_can_be_merged_by_meaning_with_an_embedding() -> None:
    results = [_result("a.txt", "Invoices keyed in manually"), _result("b.txt", "Data entry done by hand")]
    by_words = build_themes(results)
    assert len([t for t in by_words if t.kind == "push"]) == 2

    def embed(texts: list[str]) -> list[list[float]]:  # says both mean the same thing
        return [[1.0, 0.0] for _ in texts]

    merged = [t for t in build_themes(results, embed=embed) if t.kind == "push"]
    assert len(merged) == 1 and merged[0].support == 2


def test_icp_feed_carries_the_evidence_over() -> None:
    results = [_result(f"{n}.txt", "Invoices typed in by hand", "the audit flagged a duplicate")
               for n in "abc"]
    from icp_coach.domain.jtbd import JTBDReport

    report = JTBDReport(interviews=results, themes=build_themes(results))
    feed = icp_feed(report)
    pain = feed["pain_points"][0]
    assert pain["description"] == "Invoices typed in by hand" and pain["urgency"] == "high"
    assert {e["source"] for e in pain["evidence"]} == {"a.txt", "b.txt", "c.txt"}
    assert all(e["verified"] and e["line"] == 3 for e in pain["evidence"])
    assert feed["buying_signals"][0]["type"] == "trigger"


def test_report_from_two_real_interviews_is_shareable() -> None:
    transcripts = [load_transcript(FIXTURES / "ap_ledgerly_en.vtt"),
                   load_transcript(FIXTURES / "maintenance_weibao_zh.txt")]
    report = analyse_transcripts(transcripts, OfflineJTBDExtractor(), pattern_threshold=2)
    text = render_report(report, "en")
    assert text.startswith("# Jobs-To-Be-Done from customer interviews")
    assert "## Interview: " in text and "#### Anxiety (about the new solution)" in text
    assert '"I was nervous that the OCR would misread amounts' in text
    assert "ap_ledgerly_en.vtt:" in text and "## Across interviews" in text
    assert "could not care less" in text.split("Did not value")[1]  # shown apart, not as a force
    zh = render_report(report, "zh")
    assert "推力（现状之痛）" in zh


def test_unverified_items_are_labelled_not_quoted() -> None:
    transcript = load_transcript(FIXTURES / "ap_ledgerly_en.vtt")
    proposed = JTBDResult(source="x", forces=Forces(pull=[EvidencedItem(
        text="Loves the dashboards", evidence=[Quote(quote="I love the dashboards", source="x", line=1)])]))
    result = verify_result(proposed, transcript)
    assert result.forces.pull[0].evidence == [] and not result.forces.pull[0].verified
    from icp_coach.domain.jtbd import JTBDReport

    text = render_report(JTBDReport(interviews=[result]))
    assert "- Loves the dashboards _(unverified" in text
    assert '"I love the dashboards"' not in text
    assert any("not found verbatim" in note for note in result.notes)
