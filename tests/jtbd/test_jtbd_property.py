"""Property: whatever the transcript and whatever a model proposes, every emitted quote occurs
verbatim in a customer turn, at the line it names, never only in the interviewer's words."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jtbd_fakes import fake_model, findings_answer
from jtbd_helpers import every_quote, in_a_customer_turn

from icp_coach.engines.llm.jtbd import ChunkFindings, LLMJTBDExtractor
from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
from icp_coach.services.jtbd import verify_result
from icp_coach.transcripts.loader import parse_transcript

SENTENCES = [
    "We were typing every invoice in by hand.", "Nobody could tell which orders were stuck.",
    "I was worried the migration would lose data.", "What got my attention was the automatic sync.",
    "We had always used our own spreadsheet.", "I genuinely do not care about the AI writer.",
    "I want to close the month in three days.", "Then our best rep left for a competitor.",
    "We looked at Salesforce and got a quote.", "Someone mentioned Zoho, but no.",
    "数据对不上，对账要拉三天。", "我最担心员工不会用。", "我们根本用不上那个大屏。", "系统会自动提醒，不用人去记。",
    "Honestly it was fine.", "Sure.",
]
QUESTIONS = ["What was the problem?", "What worried you?", "What caught your attention?",
             "Anything you didn't care about?", "What else did you look at?", "Why?", "当时有什么顾虑？"]

words = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Zs", "Lo"),
                                       max_codepoint=0x9fff), min_size=1, max_size=40)
answer = st.lists(st.one_of(st.sampled_from(SENTENCES), words), min_size=1, max_size=4)
interview = st.lists(st.tuples(st.sampled_from(QUESTIONS), answer), min_size=1, max_size=8)


def _text(pairs: list[tuple[str, list[str]]]) -> str:
    lines = []
    for question, sentences in pairs:
        lines.append(f"Interviewer: {question}")
        lines.append("Kim (Buyer): " + " ".join(s.strip() or "ok" for s in sentences))
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(interview)
def test_offline_quotes_are_always_verbatim_customer_words(pairs: list[tuple[str, list[str]]]) -> None:
    transcript = parse_transcript(_text(pairs), "gen.txt")
    result = verify_result(OfflineJTBDExtractor().extract_jtbd(transcript), transcript)
    for quote in every_quote(result):
        assert in_a_customer_turn(quote, transcript), quote


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(interview, st.data())
def test_model_proposals_never_become_unverified_quotes(pairs: list[tuple[str, list[str]]], data) -> None:
    transcript = parse_transcript(_text(pairs), "gen.txt")
    pool = [t.text for t in transcript.turns]  # customer AND interviewer text
    spans = [text[a:b] for text in pool for a, b in [(0, len(text) // 2), (len(text) // 3, len(text))]]
    candidate = st.one_of(st.sampled_from(spans + pool), words)
    finding = st.fixed_dictionaries({"text": st.just("finding"), "quotes": st.lists(candidate, max_size=3)})
    proposal = ChunkFindings.model_validate({
        name: data.draw(st.lists(finding, max_size=3))
        for name in ("push", "pull", "anxiety", "habit", "triggers", "desired_outcomes", "not_valued")})
    fake = fake_model(*[findings_answer(proposal)] * 5)
    extractor = LLMJTBDExtractor(fake, method="function_calling", fallback=OfflineJTBDExtractor(),
                                 merge_with_fallback=True, engine_name="local")
    result = verify_result(extractor.extract_jtbd(transcript), transcript)
    for quote in every_quote(result):
        assert in_a_customer_turn(quote, transcript), quote
    for item in result.forces.push + result.forces.pull + result.forces.anxiety + result.forces.habit:
        assert item.verified == bool(item.evidence)
