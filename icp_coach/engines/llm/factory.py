"""The one place a chat model is built: OpenAI or any OpenAI-compatible server (Ollama, vLLM,
LM Studio, llama.cpp, the embedded local model)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from icp_coach.domain.ports import EngineError
from icp_coach.settings import Settings

if TYPE_CHECKING:
    from langchain_openai import ChatOpenAI
    from pydantic import SecretStr

# Local servers ignore the key, but the OpenAI client insists on having one.
PLACEHOLDER_KEY = "not-needed"


def require_endpoint(settings: Settings, *, base_url: str | None = None,
                     api_key: str | None = None) -> SecretStr:
    """The key to send, or the no-endpoint EngineError: checked before any model library loads."""
    from pydantic import SecretStr

    if api_key is not None:
        return SecretStr(api_key)
    if settings.api_key is not None:
        return settings.api_key
    if base_url or settings.base_url:
        return SecretStr(PLACEHOLDER_KEY)
    raise EngineError(
        "no LLM endpoint is configured",
        endpoint="https://api.openai.com/v1",
        what_to_do="set ICP_COACH_API_KEY (or OPENAI_API_KEY), or ICP_COACH_BASE_URL for an "
                   "OpenAI-compatible server, or run with --engine local / --engine offline",
    )


def make_chat_model(settings: Settings, *, base_url: str | None = None,
                    api_key: str | None = None, model: str | None = None,
                    timeout_seconds: float | None = None,
                    max_tokens: int | None = None) -> ChatOpenAI:
    """A ChatOpenAI from the settings; keyword arguments override them (the local engine uses
    them to point at its own server)."""
    from langchain_openai import ChatOpenAI  # heavy: only once the endpoint is known to exist

    endpoint = base_url or settings.base_url
    key = require_endpoint(settings, base_url=base_url, api_key=api_key)
    options: dict[str, Any] = {
        "model": model or settings.model,
        "api_key": key,
        "temperature": settings.temperature,
        "timeout": timeout_seconds if timeout_seconds is not None else settings.timeout_seconds,
        "max_retries": settings.max_retries,
        "stream_usage": True,
    }
    if endpoint:
        options["base_url"] = endpoint
    if max_tokens is not None:
        options["max_tokens"] = max_tokens
    return ChatOpenAI(**options)
