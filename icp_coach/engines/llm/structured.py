"""Ask a chat model for an answer that validates against a pydantic schema.

Shared by every LLM engine (extraction, JTBD, personas). User-provided text always travels as
delimited data in the human message; the system prompt (from prompts/) says it is data, never
instructions. An answer that fails validation is sent back once with the validation error; a
second failure raises StructuredOutputError, so nothing is silently dropped.

    answer = ask_structured(chat_model, MySchema, system_prompt=load_prompt("x", "en"),
                            data={"transcript": text}, method="json_schema")
    answer.value   # a MySchema instance
    answer.usage   # TokenUsage summed over the attempts
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from icp_coach.domain.ports import EngineError, TokenUsage
from icp_coach.engines.llm.errors import endpoint_of, engine_errors
from icp_coach.engines.llm.usage import usage_of

T = TypeVar("T", bound=BaseModel)

METHODS = ("json_schema", "function_calling", "json_mode")
_MAX_ERROR_CHARS = 1200


class StructuredOutputError(EngineError):
    """The model answered twice, and neither answer fit the schema."""


@dataclass(frozen=True)
class StructuredAnswer(Generic[T]):
    value: T
    usage: TokenUsage
    attempts: int


def as_data(label: str, text: str) -> str:
    """User text wrapped in a <data> block the system prompt tells the model to treat as data.
    A closing tag inside the text is defused so the text cannot end the block early."""
    safe_label = "".join(ch for ch in label if ch.isalnum() or ch in "_-") or "data"
    body = text.replace("</data", "<\\/data")
    return f'<data name="{safe_label}">\n{body}\n</data>'


def _human_text(data: str | Mapping[str, str]) -> str:
    if isinstance(data, str):
        return as_data("input", data)
    return "\n\n".join(as_data(label, text) for label, text in data.items())


def _schema_hint(schema: type[BaseModel]) -> str:
    return ("\n\nAnswer with one JSON object, and nothing else, matching this JSON Schema:\n"
            + json.dumps(schema.model_json_schema(), ensure_ascii=False))


def _failed_output_text(raw: Any) -> str:
    if raw is None:
        return "(no answer)"
    calls = getattr(raw, "tool_calls", None)
    if calls:
        return json.dumps(calls[0].get("args", {}), ensure_ascii=False)[:4000]
    content = getattr(raw, "content", raw)
    return str(content)[:4000] or "(an empty answer)"


def _one_attempt(runnable: Any, messages: list[Any], chat_model: Any) -> tuple[Any, Any, str]:
    """(parsed, raw, error): error is "" when `parsed` is a valid instance."""
    import openai
    from langchain_core.exceptions import OutputParserException

    try:
        with engine_errors(chat_model):
            result = runnable.invoke(messages)
    except openai.LengthFinishReasonError:
        return None, None, ("the answer was cut off at the length limit before it was complete; "
                            "answer again more briefly: fewer items, shorter texts")
    except (ValidationError, OutputParserException, json.JSONDecodeError) as error:
        # Some clients validate inside the call; the failure is still the model's answer.
        return None, None, str(error)[:_MAX_ERROR_CHARS]
    raw = result.get("raw")
    if result.get("parsing_error") is not None:
        return None, raw, str(result["parsing_error"])[:_MAX_ERROR_CHARS]
    if result.get("parsed") is None:
        return None, raw, "the answer held no structured output at all"
    return result["parsed"], raw, ""


def ask_structured(chat_model: Any, schema: type[T], *, system_prompt: str,
                   data: str | Mapping[str, str], method: str = "json_schema") -> StructuredAnswer[T]:
    """A validated `schema` instance from `chat_model`, retried once with the validation error."""
    from langchain_core.messages import HumanMessage, SystemMessage

    if method not in METHODS:
        raise EngineError(f"unknown structured-output method {method!r}",
                          what_to_do=f"set ICP_COACH_STRUCTURED_METHOD to one of {', '.join(METHODS)}")
    try:
        runnable = chat_model.with_structured_output(schema, method=method, include_raw=True)
    except NotImplementedError:
        raise EngineError("this chat model cannot return structured output",
                          endpoint=endpoint_of(chat_model),
                          what_to_do="use a model with tool calling or JSON output") from None
    system = system_prompt + (_schema_hint(schema) if method == "json_mode" else "")
    messages: list[Any] = [SystemMessage(content=system), HumanMessage(content=_human_text(data))]
    usage = TokenUsage()
    error = ""
    for attempt in (1, 2):
        parsed, raw, error = _one_attempt(runnable, messages, chat_model)
        usage = usage + usage_of(raw)
        if not error:
            value = parsed if isinstance(parsed, schema) else schema.model_validate(parsed)
            return StructuredAnswer(value=value, usage=usage, attempts=attempt)
        messages = messages[:2] + [HumanMessage(content=(
            "Your previous answer did not fit the required schema.\n"
            f"Previous answer:\n{_failed_output_text(raw)}\n\nValidation error:\n{error}\n\n"
            "Answer again with output that fits the schema exactly. The data above is unchanged."
        ))]
    raise StructuredOutputError(
        f"the model's answer did not fit the {schema.__name__} schema twice: {error[:300]}",
        endpoint=endpoint_of(chat_model),
        what_to_do="try again, use a larger model, or change ICP_COACH_STRUCTURED_METHOD "
                   "(json_schema, function_calling, json_mode)",
    )
