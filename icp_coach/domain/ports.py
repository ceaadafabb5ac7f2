"""What the services need from the outside world. Engines and the knowledge base implement these;
services never see LangChain, OpenAI or Chroma.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.jtbd import JTBDResult
from icp_coach.domain.knowledge import Passage, SearchFilters
from icp_coach.domain.language import Language
from icp_coach.domain.patch import ICPPatch
from icp_coach.domain.persona import Persona
from icp_coach.domain.persona_roles import SpeakerRole
from icp_coach.domain.transcript import Transcript

Speaker = Literal["user", "coach"]


@dataclass(frozen=True)
class ChatMessage:
    speaker: Speaker
    text: str


@dataclass(frozen=True)
class TokenUsage:
    input_tokens: int = 0
    output_tokens: int = 0

    def __add__(self, other: TokenUsage) -> TokenUsage:
        return TokenUsage(self.input_tokens + other.input_tokens,
                          self.output_tokens + other.output_tokens)


@dataclass(frozen=True)
class Extraction:
    """An ICP patch found in a free-text answer, and who found it."""

    patch: ICPPatch
    engine: str
    notes: list[str] = field(default_factory=list)  # e.g. "converted CNY at 7.2"
    usage: TokenUsage = TokenUsage()


@dataclass(frozen=True)
class ReplyRequest:
    step: int
    step_title: str
    language: Language
    conversation: Sequence[ChatMessage]
    passages: Sequence[Passage]
    draft: ICPDocument
    guidance: str  # what the coach decided to ask or say next (follow-up, push-back, move on)


class EngineError(Exception):
    """An engine could not answer: names the endpoint and says what to do. Exit code 3."""

    def __init__(self, message: str, *, endpoint: str = "", what_to_do: str = "",
                 retryable: bool = False) -> None:
        super().__init__(message)
        self.endpoint = endpoint
        self.what_to_do = what_to_do
        self.retryable = retryable

    def __str__(self) -> str:
        parts = [self.args[0] if self.args else "engine error"]
        if self.endpoint:
            parts.append(f"(endpoint: {self.endpoint})")
        if self.what_to_do:
            parts.append(f"- {self.what_to_do}")
        return " ".join(parts)


@runtime_checkable
class ICPExtractor(Protocol):
    name: str

    def extract_patch(self, text: str, *, step: int, draft: ICPDocument,
                      language: Language) -> Extraction: ...


@runtime_checkable
class ReplyWriter(Protocol):
    name: str

    def stream_reply(self, request: ReplyRequest) -> AsyncIterator[str]: ...


@runtime_checkable
class JTBDExtractor(Protocol):
    name: str

    def extract_jtbd(self, transcript: Transcript) -> JTBDResult: ...


@runtime_checkable
class PersonaWriter(Protocol):
    name: str

    def draft_personas(self, icp: ICPDocument, jtbd: Sequence[JTBDResult],
                       passages: Sequence[Passage], roles: Sequence[str],
                       language: Language, *, speakers: Sequence[SpeakerRole] = ()) -> list[Persona]: ...


@runtime_checkable
class KnowledgeSearch(Protocol):
    def search(self, query: str, k: int = 5,
               filters: SearchFilters | None = None) -> list[Passage]: ...
