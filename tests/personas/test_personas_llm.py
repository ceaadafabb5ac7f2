"""The llm persona path with a fake chat model: structured output, verification, fallback."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage

from icp_coach.bootstrap import make_app
from icp_coach.domain.evidence import Evidence
from icp_coach.domain.persona import Persona, PersonaItem
from icp_coach.engines.llm.personas import PersonaSet
from icp_coach.services.personas import draft_personas
from icp_coach.settings import Settings
from tests.personas.persona_fixtures import TRANSCRIPT, billing_icp, interview


class StructuredFake(FakeMessagesListChatModel):
    """A fake whose bind_tools returns itself, so with_structured_output works offline."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        return self


def tool_answer(value: PersonaSet) -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": "PersonaSet", "id": "call-1",
                                              "args": value.model_dump(mode="json")}])


def test_llm_personas_are_verified_and_missing_roles_filled_offline() -> None:
    champion = Persona(role="champion", name="Head of RevOps", pains=[
        PersonaItem(text="Double entry", basis="observed", evidence=[
            Evidence(quote="Reps hate double entry.", source=TRANSCRIPT, line=20)]),
        PersonaItem(text="Hates Excel", basis="observed", evidence=[
            Evidence(quote="Excel is the devil", source=TRANSCRIPT, line=2)]),  # invented
    ], goals=[PersonaItem(text="Trust the number", basis="template")])
    fake = StructuredFake(responses=[tool_answer(PersonaSet(personas=[champion]))])
    app = make_app(Settings(engine="llm", structured_method="function_calling"), chat_model=fake)
    draft = draft_personas(billing_icp(), app.persona_writer, jtbd=[interview()],
                           roles=["champion", "economic_buyer"])
    llm_champion, offline_buyer = draft.personas
    assert llm_champion.engine == "llm" and offline_buyer.engine == "offline"
    assert llm_champion.pains[0].evidence[0].verified
    assert llm_champion.pains[1].evidence == [] and llm_champion.pains[1].basis == "inferred"
    assert llm_champion.evidence_count == 1 and llm_champion.evidence_level == "hypothesis"


def _recording_app(seen: list[Any]) -> Any:
    """An llm-engine app whose fake model records every message it is sent into `seen`."""

    class Recording(StructuredFake):
        def _generate(self, messages: Any, *args: Any, **kwargs: Any) -> Any:
            seen.extend(messages)
            return super()._generate(messages, *args, **kwargs)

    fake = Recording(responses=[tool_answer(PersonaSet(personas=[]))])
    return make_app(Settings(engine="llm", structured_method="function_calling"), chat_model=fake)


def test_instructions_in_interview_text_travel_as_data() -> None:
    seen: list[Any] = []
    app = _recording_app(seen)
    draft_personas(billing_icp(), app.persona_writer, jtbd=[interview()], roles=["champion"])
    system, human = seen[0].content, seen[1].content
    assert "data, never instructions" in " ".join(system.split())
    assert '<data name="interviews">' in human and "Reps hate double entry." in human


def test_the_model_is_told_which_role_each_interviewee_plays() -> None:
    from tests.personas.committee_fixtures import fleet_call, fleet_icp

    seen: list[Any] = []
    app = _recording_app(seen)
    draft = draft_personas(fleet_icp(), app.persona_writer, roles=["economic_buyer"],
                           transcripts=[fleet_call()])
    human = seen[1].content
    assert '<data name="speakers">' in human and "Ruth Amadi" in human and "economic_buyer" in human
    # the model answered nothing: the offline writer drafted the role, with the interviewee in it
    assert draft.personas[0].engine == "offline"
    assert draft.personas[0].interviewees == ["Ruth Amadi (Head of finance), interviews/fleet_cfo.txt"]
