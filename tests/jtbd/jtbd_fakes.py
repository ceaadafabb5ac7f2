"""A fake chat model for the LLM JTBD path: with_structured_output works on it (bind_tools returns
itself) and it records every call's messages."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage

from icp_coach.engines.llm.jtbd import ChunkFindings


class StructuredFake(FakeMessagesListChatModel):
    calls: list[Any] = []

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        return self

    def _generate(self, messages: Any, *args: Any, **kwargs: Any) -> Any:
        self.calls.append(list(messages))
        return super()._generate(messages, *args, **kwargs)


def findings_answer(findings: ChunkFindings | dict) -> AIMessage:
    args = findings.model_dump() if isinstance(findings, ChunkFindings) else findings
    return AIMessage(content="", tool_calls=[{"name": "ChunkFindings", "args": args,
                                              "id": "call-1", "type": "tool_call"}])


def fake_model(*answers: AIMessage) -> StructuredFake:
    return StructuredFake(responses=list(answers), calls=[])
