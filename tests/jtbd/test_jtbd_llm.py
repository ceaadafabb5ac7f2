"""The llm engine with fake chat models: chunking, structured output, every quote checked, the
merge with the offline engine on the local model, and what happens when answers are unusable."""

from __future__ import annotations

import pytest
from jtbd_fakes import fake_model, findings_answer
from jtbd_helpers import FIXTURES, every_quote, in_a_customer_turn

from icp_coach.domain.transcript import Transcript, TranscriptTurn
from icp_coach.engines.llm.jtbd import ChunkFindings, LLMJTBDExtractor, chunk_turns, render_turn
from icp_coach.engines.llm.structured import StructuredOutputError
from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
from icp_coach.services.jtbd import verify_result
from icp_coach.transcripts.loader import load_transcript


def small_transcript() -> Transcript:
    turns = [
        TranscriptTurn(speaker="Ana", text="What made you look around?", line=1, is_interviewer=True),
        TranscriptTurn(speaker="Bo", text="Our   invoices were typed in by hand every single day.", line=2),
        TranscriptTurn(speaker="Ana", text="What worried you about switching?", line=3, is_interviewer=True),
        TranscriptTurn(speaker="Bo", text="I was afraid the sync would break during close.", line=4),
    ]
    return Transcript(source="call.txt", turns=turns, interviewers=["Ana"])


def test_quotes_are_checked_and_unverifiable_ones_dropped() -> None:
    answer = ChunkFindings.model_validate({
        "push": [{"text": "Manual entry", "quotes": ["invoices were typed in by hand every single day"]},
                 {"text": "Made up pain", "quotes": ["we lost millions to fraud last year"]}],
        "anxiety": [{"text": "Sync fear", "quotes": ["What worried you about switching?"]}],
        "chosen_solution": "Ledgerly",
    })
    extractor = LLMJTBDExtractor(fake_model(findings_answer(answer)), method="function_calling")
    result = extractor.extract_jtbd(small_transcript())
    manual, made_up = result.forces.push
    # the transcript's own span (three spaces kept), its line and speaker
    assert manual.evidence[0].quote == "invoices were typed in by hand every single day"
    assert manual.evidence[0].line == 2 and manual.evidence[0].speaker == "Bo" and manual.verified
    assert made_up.evidence == [] and not made_up.verified  # kept, marked unverified, no quote
    sync = result.forces.anxiety[0]
    assert sync.evidence == [] and not sync.verified  # the interviewer's words are never evidence
    assert any("dropped 2 of 3" in note for note in result.notes)


def test_the_same_quote_is_not_filed_under_two_forces_nor_as_a_force_when_not_valued() -> None:
    answer = ChunkFindings.model_validate({
        "push": [{"text": "Typing", "quotes": ["typed in by hand every single day"]}],
        "habit": [{"text": "Typing again", "quotes": ["typed in by hand every single day"]}],
        "anxiety": [{"text": "Sync", "quotes": ["afraid the sync would break"]}],
        "not_valued": [{"text": "Sync", "quotes": ["the sync would break during close"]}],
    })
    extractor = LLMJTBDExtractor(fake_model(findings_answer(answer)), method="function_calling")
    transcript = small_transcript()
    result = verify_result(extractor.extract_jtbd(transcript), transcript)
    assert len(result.forces.push) == 1 and result.forces.habit == []
    assert result.forces.anxiety == []


def test_long_transcripts_are_read_in_chunks_and_merged() -> None:
    turns = []
    for i in range(40):
        turns.append(TranscriptTurn(speaker="Ana", text=f"Question {i}, what happened then?", line=2 * i + 1,
                                    is_interviewer=True))
        turns.append(TranscriptTurn(speaker="Bo", text=f"Answer {i}: " + "we kept losing track of orders. " * 10,
                                    line=2 * i + 2))
    transcript = Transcript(source="long.txt", turns=turns, interviewers=["Ana"])
    chunks = chunk_turns(turns, 2_000)
    assert len(chunks) > 3
    assert all(sum(len(render_turn(t)) for t in chunk) <= 2_200 or len(chunk) == 1 for chunk in chunks)
    covered = {t.line for chunk in chunks for t in chunk}
    assert covered == {t.line for t in turns}  # nothing skipped at the cuts
    answers = [findings_answer(ChunkFindings.model_validate({
        "push": [{"text": "Orders lost", "quotes": [f"Answer {i}: we kept losing track of orders."]}]}))
        for i in range(len(chunks))]
    fake = fake_model(*answers)
    result = LLMJTBDExtractor(fake, method="function_calling", chunk_chars=2_000).extract_jtbd(transcript)
    assert len(fake.calls) == len(chunks)
    # one finding seen in every chunk: one item, its quotes from different parts of the interview
    assert [item.text for item in result.forces.push] == ["Orders lost"]
    assert [q.line for q in result.forces.push[0].evidence] == [2, 4, 6]
    assert any(f"read in {len(chunks)} parts" in note for note in result.notes)


def test_local_model_is_merged_with_the_offline_answer() -> None:
    transcript = load_transcript(FIXTURES / "ap_ledgerly_en.vtt")
    answer = ChunkFindings.model_validate({
        "pull": [{"text": "Two-day close", "quotes": ["they went from eight days to close AP to two"]}],
        "alternatives": [{"name": "Coupa", "considered": False, "quotes": []}],
    })
    extractor = LLMJTBDExtractor(fake_model(*[findings_answer(answer)] * 10), method="function_calling",
                                 engine_name="local", fallback=OfflineJTBDExtractor(),
                                 merge_with_fallback=True)
    result = verify_result(extractor.extract_jtbd(transcript), transcript)
    assert result.engine == "local+offline"
    offline = OfflineJTBDExtractor().extract_jtbd(transcript)
    assert len(result.forces.anxiety) >= len(offline.forces.anxiety)  # the offline base is kept
    assert any(a.name == "Coupa" for a in result.alternatives)
    assert all(in_a_customer_turn(q, transcript) for q in every_quote(result))


def test_unusable_answers_fall_back_to_offline_with_a_note() -> None:
    transcript = load_transcript(FIXTURES / "ap_ledgerly_en.vtt")
    broken = [findings_answer({"push": "not a list"})] * 2
    extractor = LLMJTBDExtractor(fake_model(*broken), method="function_calling",
                                 fallback=OfflineJTBDExtractor())
    result = extractor.extract_jtbd(transcript)
    assert result.forces.push  # the offline answer
    assert any("offline engine alone" in note for note in result.notes)
    without_fallback = LLMJTBDExtractor(fake_model(*broken), method="function_calling")
    with pytest.raises(StructuredOutputError):
        without_fallback.extract_jtbd(transcript)


def test_transcript_travels_as_data_not_in_the_system_prompt() -> None:
    transcript = small_transcript()
    fake = fake_model(findings_answer(ChunkFindings()))
    LLMJTBDExtractor(fake, method="function_calling").extract_jtbd(transcript)
    system, human = fake.calls[0][0], fake.calls[0][1]
    assert "typed in by hand" not in system.content
    assert '<data name="interview">' in human.content and "typed in by hand" in human.content
    assert "[line 2] Bo (customer)" in human.content and "[line 1] Ana (interviewer)" in human.content


def test_local_model_timeouts_on_a_part_are_skipped_but_a_dead_endpoint_fails() -> None:
    from icp_coach.domain.ports import EngineError

    class SlowThenFine:
        """Stands in for the chat model: the first part times out, the next ones answer."""

        def __init__(self, fail_all: bool) -> None:
            self.calls = 0
            self.fail_all = fail_all

    turns = [TranscriptTurn(speaker="Bo", text=f"Sentence {i} about typing invoices by hand.", line=i + 1)
             for i in range(30)]
    transcript = Transcript(source="t.txt", turns=turns)
    for fail_all in (False, True):
        extractor = LLMJTBDExtractor(None, engine_name="local", fallback=OfflineJTBDExtractor(),
                                     merge_with_fallback=True, chunk_chars=300)
        state = SlowThenFine(fail_all)

        def ask(chunk, transcript, index, total, state=state):
            state.calls += 1
            if state.fail_all or index == 1:
                raise EngineError("the endpoint did not answer in time", retryable=True)
            return ChunkFindings()

        extractor._ask = ask  # type: ignore[method-assign]
        if fail_all:
            with pytest.raises(EngineError, match="did not answer in time"):
                extractor.extract_jtbd(transcript)
        else:
            result = extractor.extract_jtbd(transcript)
            assert any("part 1" in note and "unusable" in note for note in result.notes)
