"""ICPExtractor for the `llm` and `local` engines: the model proposes, code disposes.

The model picks candidate words out of the notes (ICPCandidates); code keeps only what occurs in
the notes, parses numbers and currencies itself, and merges the result with the offline engine's
answer (the fallback), which it never overrides: the model adds what the rules missed. For the
small local model only the fields where it measurably helps are taken (LOCAL_MODEL_FIELDS; the
figures are in docs/notes/llm-engines.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from icp_coach.domain.icp import DecisionMaker, ICPDocument, NumberRange
from icp_coach.domain.language import Language
from icp_coach.domain.patch import ICPPatch
from icp_coach.domain.ports import Extraction, ICPExtractor, TokenUsage
from icp_coach.engines.llm.candidates import (
    ICPCandidates,
    NotesIndex,
    candidates_to_patch,
    check_candidates,
    match_key,
)
from icp_coach.engines.llm.structured import StructuredOutputError, ask_structured
from icp_coach.engines.llm.usage import UsageMeter
from icp_coach.text.paragraphs import chunk_paragraphs

ALL_FIELDS = frozenset({
    "industries", "regions", "tech_stack", "employees", "annual_revenue_usd", "pain_points",
    "buying_signals", "red_flags", "decision_makers",
})
# What the 0.5B/1.5B local model is trusted to add on top of the offline engine (measured).
LOCAL_MODEL_FIELDS = frozenset({
    "industries", "tech_stack", "pain_points", "buying_signals", "red_flags", "decision_makers",
    "employees", "annual_revenue_usd",
})
# Where the model adds items next to the rules' (elsewhere it only fills what the rules left
# empty). Measured over 4 notes with the 0.5B model: adding raised industries F1 0.67 -> 0.78 and
# titles recall, but cost precision in regions, tech stack and buying signals.
ADD_FIELDS = frozenset({"industries", "decision_makers"})
MAX_CHUNK_CHARS = 6000
_SIMILAR_SHARE = 0.6


def split_notes(text: str, limit: int = MAX_CHUNK_CHARS) -> list[str]:
    """Paragraph-aligned chunks that fit the model's context."""
    return chunk_paragraphs(text, limit)


def _combine(parts: list[ICPCandidates]) -> ICPCandidates:
    if len(parts) == 1:
        return parts[0]
    merged: dict[str, Any] = {}
    for name in ICPCandidates.model_fields:
        values = [getattr(part, name) for part in parts]
        if isinstance(values[0], list):
            merged[name] = [item for value in values for item in value]
        else:
            merged[name] = next((value for value in values if value), "")
    return ICPCandidates.model_construct(**merged)


def _is_duplicate(item: str, existing: Iterable[str]) -> bool:
    key = match_key(item)
    if not key:
        return True
    for other in existing:
        other_key = match_key(other)
        if other_key and (key in other_key or other_key in key):
            return True
        grams = {key[i:i + 2] for i in range(len(key) - 1)}
        other_grams = {other_key[i:i + 2] for i in range(len(other_key) - 1)}
        if grams and other_grams and len(grams & other_grams) / min(len(grams), len(other_grams)) >= _SIMILAR_SHARE:
            return True
    return False


def _add_words(base: list[str], proposed: list[str]) -> tuple[list[str], int]:
    merged = list(base)
    for item in proposed:
        if not _is_duplicate(item, merged):
            merged.append(item)
    return merged, len(merged) - len(base)


def _add_described(base: list[Any], proposed: list[Any]) -> tuple[list[Any], int]:
    merged = list(base)
    for item in proposed:
        if not _is_duplicate(item.description, [kept.description for kept in merged]):
            merged.append(item)
    return merged, len(merged) - len(base)


# Kinds of software are not industries, although a small model often files them there.
_SOFTWARE_KINDS = frozenset({"crm", "erp", "mes", "plc", "cloud", "payments", "payment", "billing",
                             "datawarehouse", "warehouse", "software", "saasplatform", "api"})


def _not_tools(industries: list[str], tools: list[str]) -> list[str]:
    """Industries minus tool names ("NetSuite") and kinds of software ("CRM")."""
    tool_keys = {match_key(tool) for tool in tools}
    return [item for item in industries
            if match_key(item) not in tool_keys and match_key(item) not in _SOFTWARE_KINDS]


def _pick_range(base: NumberRange | None, proposed: NumberRange | None) -> NumberRange | None:
    if base is not None and base.is_set:
        return base
    return proposed


def merge_patches(base: ICPPatch, proposed: ICPPatch, fields: frozenset[str] = ALL_FIELDS,
                  *, add_fields: frozenset[str] = ADD_FIELDS) -> tuple[ICPPatch, dict[str, int]]:
    """`base` (the offline answer) plus what `proposed` (the model) brings in `fields`; the base is
    never overridden. In `add_fields` the model adds the items the rules missed; elsewhere it only
    fills a field (or a decision-maker role) the rules left empty. Returns the patch and how many
    items the model brought per field."""
    update: dict[str, Any] = {}
    added: dict[str, int] = {}

    def allowed(current: list[Any], name: str) -> bool:
        return name in add_fields or not current

    for name in ("industries", "regions", "tech_stack"):
        if name in fields and allowed(getattr(base, name), name):
            offered = getattr(proposed, name)
            if name == "industries":
                offered = _not_tools(offered, [*base.tech_stack, *proposed.tech_stack])
            update[name], added[name] = _add_words(getattr(base, name), offered)
    for name in ("pain_points", "buying_signals", "red_flags"):
        if name in fields and allowed(getattr(base, name), name):
            update[name], added[name] = _add_described(getattr(base, name), getattr(proposed, name))
    for name in ("employees", "annual_revenue_usd"):
        if name in fields:
            update[name] = _pick_range(getattr(base, name), getattr(proposed, name))
            added[name] = int(update[name] is not getattr(base, name))
    if "decision_makers" in fields:
        makers = {maker.role: maker for maker in base.decision_makers}
        count = 0
        for maker in proposed.decision_makers:
            current = makers.get(maker.role)
            if current and not allowed(current.titles, "decision_makers"):
                continue
            titles, new = _add_words(current.titles if current else [], maker.titles)
            count += new
            if new:
                makers[maker.role] = (current.model_copy(update={"titles": titles}) if current
                                      else DecisionMaker(role=maker.role, titles=titles))
        update["decision_makers"] = list(makers.values())
        added["decision_makers"] = count
    return base.model_copy(update=update), {name: n for name, n in added.items() if n}


def _greedy(chat_model: Any) -> Any:
    """The same model at temperature 0: picking words out of notes is copying, not writing, and
    greedy decoding makes the answer repeatable (at 0.2 the list F1 of one note moved by 0.06
    between runs)."""
    fields = getattr(type(chat_model), "model_fields", {})
    if "temperature" not in fields or getattr(chat_model, "temperature", None) == 0:
        return chat_model
    return chat_model.model_copy(update={"temperature": 0.0})


class LLMExtractor:
    """ICPExtractor (domain.ports) backed by a LangChain chat model."""

    def __init__(self, chat_model: Any, *, method: str = "json_schema", engine_name: str = "llm",
                 fallback: ICPExtractor | None = None, cny_per_usd: float = 7.2,
                 model_fields: frozenset[str] | None = None,
                 add_fields: frozenset[str] = ADD_FIELDS) -> None:
        self.chat_model = _greedy(chat_model)
        self.method = method
        self.name = engine_name
        self.fallback = fallback
        self.cny_per_usd = cny_per_usd
        self.model_fields = model_fields or (
            LOCAL_MODEL_FIELDS if engine_name == "local" else ALL_FIELDS)
        self.add_fields = add_fields
        self.usage = UsageMeter()

    def __repr__(self) -> str:
        return f"LLMExtractor(engine={self.name!r}, method={self.method!r})"

    def propose(self, text: str, *, language: Language) -> tuple[ICPCandidates, TokenUsage]:
        """The model's raw picks for the notes (one call per chunk)."""
        from icp_coach.prompt_files import load_prompt

        prompt = load_prompt("extract_icp", language)
        parts: list[ICPCandidates] = []
        usage = TokenUsage()
        for chunk in split_notes(text):
            answer = ask_structured(self.chat_model, ICPCandidates, system_prompt=prompt,
                                    data={"notes": chunk}, method=self.method)
            parts.append(answer.value)
            usage = usage + answer.usage
        return _combine(parts), usage

    def extract_patch(self, text: str, *, step: int, draft: ICPDocument,
                      language: Language) -> Extraction:
        base: Extraction | None = None
        if self.fallback is not None:
            base = self.fallback.extract_patch(text, step=step, draft=draft, language=language)
        notes: list[str] = list(base.notes) if base else []
        if not text.strip():
            return Extraction(patch=base.patch if base else ICPPatch(), engine=self.name,
                              notes=notes)
        try:
            found, usage = self.propose(text, language=language)
        except StructuredOutputError as error:
            if base is None:
                raise
            # Reported, not hidden: the caller shows the notes; the rules' answer still stands.
            notes.append(f"the model's answer was unusable ({error}); this result comes from "
                         "the offline rules alone")
            return Extraction(patch=base.patch, engine=self.name, notes=notes)
        self.usage.add(usage)
        index = NotesIndex(text)
        checked = check_candidates(found, index, cny_per_usd=self.cny_per_usd)
        proposed = candidates_to_patch(checked, index)
        if checked.dropped:
            notes.append(f"dropped {len(checked.dropped)} model suggestion(s) not found in the "
                         f"notes: {'; '.join(checked.dropped[:5])}")
        if base is None:
            return Extraction(patch=proposed, engine=self.name, notes=notes + checked.notes,
                              usage=usage)
        merged, added = merge_patches(base.patch, proposed, self.model_fields,
                                      add_fields=self.add_fields)
        if added:
            notes.append("merged with the offline rules; the model added "
                         + ", ".join(f"{n} to {name}" for name, n in added.items()))
            if "annual_revenue_usd" in added:
                notes.extend(checked.notes)
        return Extraction(patch=merged, engine=self.name, notes=notes, usage=usage)
