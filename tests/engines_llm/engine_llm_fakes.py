"""Fake chat models for the llm engine tests (a module of its own: `conftest` is not importable by
name once several test folders have one)."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage


class ToolCallingFake(GenericFakeChatModel):
    """A fake whose bind_tools returns itself, so with_structured_output works on it; it records
    the messages of every call."""

    calls: list[Any] = []

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        return self

    def _generate(self, messages: Any, stop: Any = None, run_manager: Any = None,
                  **kwargs: Any) -> Any:
        self.calls.append(list(messages))
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


def tool_answer(name: str, args: dict[str, Any], *, tokens: tuple[int, int] = (100, 20)) -> AIMessage:
    return AIMessage(
        content="",
        tool_calls=[{"name": name, "args": args, "id": "call-1", "type": "tool_call"}],
        usage_metadata={"input_tokens": tokens[0], "output_tokens": tokens[1],
                        "total_tokens": sum(tokens)},
    )


def tool_fake(*answers: AIMessage) -> ToolCallingFake:
    return ToolCallingFake(messages=iter(answers), calls=[])
