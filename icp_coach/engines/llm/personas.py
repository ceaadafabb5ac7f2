"""Personas written by an LLM with structured output. The service verifies every quote and ICP
reference afterwards; roles the model leaves out are filled by the offline writer."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field

from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.jtbd import JTBDResult
from icp_coach.domain.knowledge import Passage
from icp_coach.domain.persona import Persona
from icp_coach.domain.persona_roles import SpeakerRole
from icp_coach.engines.llm.structured import ask_structured
from icp_coach.prompt_files import load_prompt


class PersonaSet(BaseModel):
    personas: list[Persona] = Field(default_factory=list)


def _interview_data(results: Sequence[JTBDResult]) -> str:
    compact = [result.model_dump(mode="json", exclude={"timeline", "interviewers"}) for result in results]
    return json.dumps(compact, ensure_ascii=False, indent=1)


def _passages_data(passages: Sequence[Passage]) -> str:
    return "\n\n".join(f"[{p.citation()}]\n{p.text}" for p in passages)


class LLMPersonaWriter:
    """Implements domain.ports.PersonaWriter on any LangChain chat model."""

    def __init__(self, chat_model: Any, *, engine_name: str = "llm", fallback: Any = None,
                 method: str = "json_schema") -> None:
        self.chat_model = chat_model
        self.name = engine_name
        self.fallback = fallback
        self.method = method

    def draft_personas(self, icp: ICPDocument, jtbd: Sequence[JTBDResult],
                       passages: Sequence[Passage], roles: Sequence[str],
                       language: str, *, speakers: Sequence[SpeakerRole] = ()) -> list[Persona]:
        request = (f"Roles: {', '.join(roles)}. Language: {language}."
                   if language != "zh" else f"角色：{', '.join(roles)}。语言：中文。")
        answer = ask_structured(
            self.chat_model, PersonaSet,
            system_prompt=load_prompt("persona_writer", language) + "\n\n" + request,
            data={"icp": icp.model_dump_json(exclude={"personas", "assessments"}),
                  "interviews": _interview_data(jtbd), "knowledge": _passages_data(passages),
                  "speakers": json.dumps([s.model_dump(mode="json") for s in speakers],
                                         ensure_ascii=False)},
            method=self.method,
        )
        by_role = {persona.role: persona.model_copy(update={"engine": self.name})
                   for persona in answer.value.personas if persona.role in roles}
        missing = [role for role in roles if role not in by_role]
        if missing and self.fallback is not None:
            for persona in self.fallback.draft_personas(icp, jtbd, passages, missing, language,
                                                        speakers=speakers):
                by_role[persona.role] = persona
        return [by_role[role] for role in roles if role in by_role]
