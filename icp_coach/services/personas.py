"""Drafting buyer personas: ask the engine, then keep only what the evidence supports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from icp_coach.domain.icp import ROLES, ICPDocument
from icp_coach.domain.jtbd import JTBDResult
from icp_coach.domain.knowledge import Passage
from icp_coach.domain.language import Language
from icp_coach.domain.persona import Persona
from icp_coach.domain.persona_checks import check_personas, interviews_to_run, verify_persona
from icp_coach.domain.persona_roles import SpeakerRole, map_speakers
from icp_coach.domain.ports import KnowledgeSearch, PersonaWriter
from icp_coach.domain.transcript import Transcript
from icp_coach.domain.validation import Finding


@dataclass
class PersonaDraft:
    personas: list[Persona]
    findings: list[Finding]
    icp: ICPDocument  # the ICP with the personas stored in it
    passages: list[Passage] = field(default_factory=list)
    speakers: list[SpeakerRole] = field(default_factory=list)  # interviewees and their roles


def verified_quotes(results: Sequence[JTBDResult]) -> list[str]:
    """Every quote the interviews' analysis already checked against its transcript."""
    quotes: list[str] = []
    for result in results:
        forces = result.forces
        groups = [forces.push, forces.pull, forces.anxiety, forces.habit, result.triggers,
                  result.desired_outcomes, result.job_statements]
        quotes += [quote.quote for group in groups for item in group for quote in item.evidence]
        quotes += [quote.quote for event in result.timeline for quote in event.evidence]
        quotes += [quote.quote for alternative in result.alternatives for quote in alternative.evidence]
    return quotes


def default_roles(icp: ICPDocument, speakers: Sequence[SpeakerRole] = ()) -> list[str]:
    """The roles the ICP names, the champion and the economic buyer always, and the roles the
    interviewees play."""
    named: list[str] = [maker.role for maker in icp.decision_makers]
    named += ["champion", "economic_buyer"] + [s.role for s in speakers if s.role]
    return list(dict.fromkeys(named))


def speaker_roles(icp: ICPDocument, transcripts: Sequence[Transcript]) -> list[SpeakerRole]:
    """Each interviewee's buying role, the ICP's decision-maker titles first."""
    makers = [(maker.role, maker.titles) for maker in icp.decision_makers]
    return map_speakers(transcripts, makers)


def draft_personas(icp: ICPDocument, writer: PersonaWriter, *,
                   jtbd: Sequence[JTBDResult] = (), roles: Sequence[str] | None = None,
                   knowledge: KnowledgeSearch | None = None,
                   language: Language | None = None,
                   transcripts: Sequence[Transcript] = ()) -> PersonaDraft:
    """Personas for the buying committee. `transcripts` (the interviews behind `jtbd`) tell who
    the interviewees are: their stated titles map them, and their quotes, to buying roles."""
    lang: Language = language or icp.language
    speakers = speaker_roles(icp, transcripts)
    wanted = list(dict.fromkeys(roles or default_roles(icp, speakers)))
    unknown = [role for role in wanted if role not in ROLES]
    if unknown:
        raise ValueError(f"unknown role(s): {', '.join(unknown)}; choose from {', '.join(ROLES)}")
    passages: list[Passage] = []
    if knowledge is not None:
        query = "buyer persona buying committee champion economic buyer" if lang == "en" else "买家角色 采购决策 决策链"
        passages = knowledge.search(query, k=4)
    drafted = writer.draft_personas(icp, list(jtbd), passages, wanted, lang, speakers=speakers)
    pool = verified_quotes(jtbd)
    icp_roles = {maker.role for maker in icp.decision_makers}
    personas = []
    for persona in drafted:
        checked = verify_persona(persona, icp, pool)
        plan = interviews_to_run(checked, lang, role_in_icp=checked.role in icp_roles)
        personas.append(checked.model_copy(update={
            "to_learn": plan + [step for step in checked.to_learn if step not in plan]}))
    findings = check_personas(icp, personas, lang)
    return PersonaDraft(personas=personas, findings=findings,
                        icp=icp.model_copy(update={"personas": personas}), passages=passages,
                        speakers=speakers)
