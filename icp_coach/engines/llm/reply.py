"""ReplyWriter for the `llm` engine: the coach's next message, streamed token by token, citing the
retrieved passages by number ([1], [2]).

A failure before the first token, or a stream cut halfway, raises EngineError; the caller keeps
the conversation and whatever text already arrived, so the user can simply send again.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Sequence
from typing import Any

from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.knowledge import Passage
from icp_coach.domain.ports import EngineError, ReplyRequest, TokenUsage
from icp_coach.engines.llm.errors import (
    StreamCutError,
    endpoint_of,
    secret_of,
    to_engine_error,
)
from icp_coach.engines.llm.structured import as_data
from icp_coach.engines.llm.usage import UsageMeter, usage_of

PASSAGE_CHARS = 1200
DRAFT_CHARS = 3000
MAX_TURNS = 12


def format_sources(passages: Sequence[Passage]) -> str:
    """Numbered sources, as the reply cites them: [1] title § section, then the text."""
    blocks = []
    for number, passage in enumerate(passages, start=1):
        text = " ".join(passage.text.split())
        if len(text) > PASSAGE_CHARS:
            text = text[:PASSAGE_CHARS].rstrip() + "…"
        blocks.append(f"[{number}] {passage.title} ({passage.citation()})\n{text}")
    return "\n\n".join(blocks) if blocks else "(no sources for this turn)"


def format_draft(draft: ICPDocument) -> str:
    shown = draft.model_dump(mode="json", exclude_defaults=True,
                             exclude={"assessments", "personas", "schema_version"})
    text = json.dumps(shown, ensure_ascii=False)
    return text if len(text) <= DRAFT_CHARS else text[:DRAFT_CHARS] + "…"


def build_messages(request: ReplyRequest) -> list[Any]:
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    from icp_coach.prompt_files import load_prompt

    system = "\n\n".join([
        load_prompt("coach_reply", request.language).strip(),
        f"Step {request.step}: {request.step_title}",
        f"Guidance for this message: {request.guidance}",
        as_data("draft", format_draft(request.draft)),
        as_data("sources", format_sources(request.passages)),
    ])
    messages: list[Any] = [SystemMessage(content=system)]
    for turn in list(request.conversation)[-MAX_TURNS:]:
        if turn.speaker == "user":
            messages.append(HumanMessage(content=turn.text))
        else:
            messages.append(AIMessage(content=turn.text))
    if len(messages) == 1:
        messages.append(HumanMessage(content="(the user has not written anything yet)"))
    return messages


def _text_of(chunk: Any) -> str:
    content = getattr(chunk, "content", "")
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") if isinstance(part, dict) else str(part)
                   for part in content)


class LLMReplyWriter:
    """ReplyWriter (domain.ports) backed by a LangChain chat model."""

    def __init__(self, chat_model: Any, *, engine_name: str = "llm") -> None:
        self.chat_model = chat_model
        self.name = engine_name
        self.usage = UsageMeter()
        self.last_usage = TokenUsage()

    def __repr__(self) -> str:
        return f"LLMReplyWriter(engine={self.name!r})"

    def _error(self, error: BaseException) -> EngineError:
        return to_engine_error(error, endpoint=endpoint_of(self.chat_model),
                               model=getattr(self.chat_model, "model_name", ""),
                               secret=secret_of(self.chat_model))

    async def stream_reply(self, request: ReplyRequest) -> AsyncIterator[str]:
        messages = build_messages(request)
        # Real endpoints end a complete stream with a finish reason; fakes do not send one.
        expects_finish = hasattr(self.chat_model, "openai_api_base")
        received = 0
        finished = False
        usage = TokenUsage()
        try:
            async for chunk in self.chat_model.astream(messages):
                chunk_usage = usage_of(chunk)
                if chunk_usage != TokenUsage():
                    usage = usage + chunk_usage
                if (getattr(chunk, "response_metadata", None) or {}).get("finish_reason"):
                    finished = True
                text = _text_of(chunk)
                if text:
                    received += len(text)
                    yield text
        except EngineError:
            raise
        except Exception as error:
            if received:
                raise self._error(StreamCutError(str(error))) from None
            raise self._error(error) from None
        finally:
            self.last_usage = usage
            self.usage.add(usage)
        if expects_finish and not finished:
            raise self._error(StreamCutError("the stream ended without a finish reason"))
