"""JTBD with a chat model: chunk by chunk over long interviews, structured output, every quote
checked before it is kept, the chunks merged.

A model proposes; code disposes. A quote that is not verbatim in a customer turn is dropped (and
counted in the notes); a finding left with no checked quote stays, marked unverified. On the small
local model the offline engine's answer is merged in, because such models miss and misquote often.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, Field

from icp_coach.domain.jtbd import (
    FORCES,
    Alternative,
    EvidencedItem,
    Forces,
    JTBDResult,
    Quote,
    TimelineEvent,
)
from icp_coach.domain.jtbd_merge import merge_results
from icp_coach.domain.jtbd_text import verified_quote
from icp_coach.domain.ports import EngineError
from icp_coach.domain.transcript import Transcript, TranscriptTurn
from icp_coach.engines.llm.structured import StructuredOutputError, ask_structured
from icp_coach.prompt_files import load_prompt

DEFAULT_CHUNK_CHARS = 12_000  # about 3,000 tokens of interview per call
LOCAL_CHUNK_CHARS = 3_000  # the small local model: short context, and a 1,024-token answer cap
OVERLAP_TURNS = 2  # a question and its answer stay together across a cut


class ProposedFinding(BaseModel):
    text: str = Field(description="a short description in the interview's language")
    quotes: list[str] = Field(default_factory=list,
                              description="verbatim spans of customer turns supporting it")


class ProposedAlternative(BaseModel):
    name: str
    considered: bool = Field(description="true only if the customer really weighed it")
    quotes: list[str] = Field(default_factory=list)


class ProposedMoment(BaseModel):
    stage: Literal["first_thought", "passive_looking", "active_looking", "deciding", "first_use"]
    text: str
    quotes: list[str] = Field(default_factory=list)


class ChunkFindings(BaseModel):
    """What one chunk of an interview says; quotes are checked by code afterwards."""

    push: list[ProposedFinding] = Field(default_factory=list)
    pull: list[ProposedFinding] = Field(default_factory=list)
    anxiety: list[ProposedFinding] = Field(default_factory=list)
    habit: list[ProposedFinding] = Field(default_factory=list)
    triggers: list[ProposedFinding] = Field(default_factory=list)
    timeline: list[ProposedMoment] = Field(default_factory=list)
    alternatives: list[ProposedAlternative] = Field(default_factory=list)
    chosen_solution: str | None = None
    desired_outcomes: list[ProposedFinding] = Field(default_factory=list)
    job_statements: list[ProposedFinding] = Field(default_factory=list)
    not_valued: list[ProposedFinding] = Field(default_factory=list)


def render_turn(turn: TranscriptTurn) -> str:
    who = "interviewer" if turn.is_interviewer else "customer"
    return f"[line {turn.line}] {turn.speaker or '?'} ({who}): {turn.text}"


def chunk_turns(turns: Sequence[TranscriptTurn], max_chars: int,
                overlap: int = OVERLAP_TURNS) -> list[list[TranscriptTurn]]:
    """Consecutive runs of turns of about `max_chars`, overlapping by `overlap` turns. A single
    turn longer than the budget is a chunk of its own (never cut: a quote could straddle the cut)."""
    chunks: list[list[TranscriptTurn]] = []
    start = 0
    while start < len(turns):
        size = 0
        end = start
        while end < len(turns) and (end == start or size + len(render_turn(turns[end])) <= max_chars):
            size += len(render_turn(turns[end])) + 1
            end += 1
        chunks.append(list(turns[start:end]))
        if end >= len(turns):
            break
        start = max(end - overlap, start + 1)
    return chunks


class _Counter:
    def __init__(self) -> None:
        self.proposed = 0
        self.dropped: list[str] = []


def _quotes(candidates: Sequence[str], transcript: Transcript, counter: _Counter) -> list[Quote]:
    kept: list[Quote] = []
    for candidate in candidates:
        if not candidate or not candidate.strip():
            continue
        counter.proposed += 1
        quote = verified_quote(candidate.strip().strip('"“”'), transcript)
        if quote is None:
            counter.dropped.append(candidate)
        elif quote.quote not in [k.quote for k in kept]:
            kept.append(quote)
    return kept


def _items(found: Sequence[ProposedFinding], transcript: Transcript, counter: _Counter) -> list[EvidencedItem]:
    items: list[EvidencedItem] = []
    for finding in found:
        if not finding.text.strip():
            continue
        evidence = _quotes(finding.quotes, transcript, counter)
        items.append(EvidencedItem(text=finding.text.strip(), evidence=evidence, verified=bool(evidence)))
    return items


def findings_to_result(found: ChunkFindings, transcript: Transcript, engine: str) -> JTBDResult:
    """Checked findings: every quote located verbatim in a customer turn, or dropped."""
    counter = _Counter()
    forces = Forces(**{force: _items(getattr(found, force), transcript, counter) for force in FORCES})
    timeline = [TimelineEvent(stage=m.stage, text=m.text, evidence=_quotes(m.quotes, transcript, counter))
                for m in found.timeline if m.text.strip()]
    alternatives = [Alternative(name=a.name.strip(), considered=a.considered,
                                evidence=_quotes(a.quotes, transcript, counter))
                    for a in found.alternatives if a.name.strip()]
    notes = []
    if counter.dropped:
        notes.append(f"dropped {len(counter.dropped)} of {counter.proposed} model quote(s) not found "
                     "verbatim in a customer turn")
    return JTBDResult(
        source=transcript.source, language=transcript.language,
        interviewers=list(transcript.interviewers),
        customers=list(dict.fromkeys(t.speaker for t in transcript.customer_turns() if t.speaker)),
        forces=forces, triggers=_items(found.triggers, transcript, counter), timeline=timeline,
        alternatives=alternatives, chosen_solution=(found.chosen_solution or None),
        desired_outcomes=_items(found.desired_outcomes, transcript, counter),
        job_statements=_items(found.job_statements, transcript, counter),
        not_valued=_items(found.not_valued, transcript, counter), engine=engine, notes=notes,
    )


class LLMJTBDExtractor:
    """Implements the JTBDExtractor port (domain/ports.py) on any LangChain chat model."""

    def __init__(self, chat_model: Any, *, method: str = "json_schema", engine_name: str = "llm",
                 fallback: Any = None, merge_with_fallback: bool = False,
                 chunk_chars: int | None = None) -> None:
        self.chat_model = chat_model
        self.method = method
        self.name = engine_name
        self.fallback = fallback
        self.merge_with_fallback = merge_with_fallback
        self.chunk_chars = chunk_chars or (LOCAL_CHUNK_CHARS if engine_name == "local" else DEFAULT_CHUNK_CHARS)
        self.max_items = 3 if engine_name == "local" else 6  # keeps a small model's answer short

    def _ask(self, chunk: list[TranscriptTurn], transcript: Transcript, index: int, total: int) -> ChunkFindings:
        header = (f"Interview {transcript.source}, part {index} of {total}. "
                  f"Language: {'Chinese' if transcript.language == 'zh' else 'English'}. "
                  f"At most {self.max_items} findings per list; keep every `text` under 12 words.")
        answer = ask_structured(
            self.chat_model, ChunkFindings,
            system_prompt=load_prompt("jtbd_extract", transcript.language) + "\n\n" + header,
            data={"interview": "\n".join(render_turn(turn) for turn in chunk)},
            method=self.method,
        )
        return answer.value

    def extract_jtbd(self, transcript: Transcript) -> JTBDResult:
        chunks = chunk_turns(transcript.turns, self.chunk_chars)
        parts: list[JTBDResult] = []
        failures: list[str] = []
        last_engine_error: EngineError | None = None
        for index, chunk in enumerate(chunks, start=1):
            try:
                found = self._ask(chunk, transcript, index, len(chunks))
            except StructuredOutputError as error:
                if self.fallback is None:
                    raise
                failures.append(f"part {index}: {error}")
                continue
            except EngineError as error:
                # On the local model the offline answer is the base anyway: a part the small model
                # could not answer in time (or whose answer ran past its token cap) is reported and
                # skipped. Anywhere else it is a failure.
                cut_short = "length limit" in str(error)
                if not (self.merge_with_fallback and self.fallback is not None
                        and (error.retryable or cut_short)):
                    raise
                failures.append(f"part {index}: {error}")
                last_engine_error = error
                continue
            parts.append(findings_to_result(found, transcript, self.name))
        offline = None
        if self.fallback is not None and (self.merge_with_fallback or not parts):
            offline = self.fallback.extract_jtbd(transcript)
        if not parts and last_engine_error is not None:
            raise last_engine_error  # not one part answered: the endpoint is down, not slow
        if not parts:
            assert offline is not None
            note = (f"the model's answers were unusable ({'; '.join(failures)[:300]}); this result "
                    "comes from the offline engine alone")
            return offline.model_copy(update={"notes": [*offline.notes, note]})
        engine = f"{self.name}+offline" if offline is not None else self.name
        # On the small local model the offline answer is the base and the model adds to it.
        ordered = [offline, *parts] if offline is not None else parts
        merged = merge_results(ordered, engine=engine)
        notes = list(merged.notes)
        if len(chunks) > 1:
            notes.append(f"read in {len(chunks)} parts and merged")
        notes += [f"the model's answer for {failure[:200]} was unusable; skipped" for failure in failures]
        return merged.model_copy(update={"notes": notes})
