"""A LangChain fake chat model that answers both the extractor (structured output through tool
calls) and the reply writer (streamed text), and counts every call it gets."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from langchain_core.outputs import ChatGeneration, ChatResult


class CountingChatModel(GenericFakeChatModel):
    calls: list[str]
    structured: bool = False
    candidates: dict[str, Any] = {}
    reply_text: str = "Thanks. Which industries do your best customers come from? [1]"

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        # a copy that shares the call log, so with_structured_output works on the fake
        return self.model_copy(update={"structured": True})

    def _generate(self, messages: Any, stop: Any = None, run_manager: Any = None,
                  **kwargs: Any) -> ChatResult:
        self.calls.append("structured" if self.structured else "reply")
        if self.structured:
            message = AIMessage(content="", tool_calls=[{
                "name": "ICPCandidates", "args": dict(self.candidates), "id": "call-1",
                "type": "tool_call"}])
        else:
            message = AIMessage(content=self.reply_text)
        return ChatResult(generations=[ChatGeneration(message=message)])


def counting_model(**fields: Any) -> CountingChatModel:
    return CountingChatModel(messages=iter(()), calls=[], **fields)
