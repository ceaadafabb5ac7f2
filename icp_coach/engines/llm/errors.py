"""Turn what can go wrong on the wire into one EngineError that names the endpoint (never the key)
and says what to do. Callers keep their state: nothing here retries or exits.

The OpenAI client already retries 429 and 5xx with backoff, honouring Retry-After up to two
minutes, at most `max_retries` times (a setting); what reaches us has exhausted those retries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from icp_coach.domain.ports import EngineError

DEFAULT_ENDPOINT = "https://api.openai.com/v1"
_KEY_LIKE = re.compile(r"\b(sk|pk|rk|key)[-_][A-Za-z0-9*_\-]{6,}", re.IGNORECASE)
_BEARER = re.compile(r"(Bearer\s+)\S+", re.IGNORECASE)


class StreamCutError(Exception):
    """The server stopped sending halfway through a streamed reply."""


def endpoint_label(base_url: str | None) -> str:
    """The base URL as safe to show: no user:password, no query string."""
    if not base_url:
        return DEFAULT_ENDPOINT
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path.rstrip("/"), "", "")) or base_url


def endpoint_of(chat_model: Any) -> str:
    """The endpoint a LangChain chat model talks to, as safe to show ("" for fakes)."""
    base = getattr(chat_model, "openai_api_base", None)
    if base is None and hasattr(chat_model, "model_name"):
        return DEFAULT_ENDPOINT
    return endpoint_label(base) if base else ""


def secret_of(chat_model: Any) -> str:
    key = getattr(chat_model, "openai_api_key", None)
    if key is None:
        return ""
    value = key.get_secret_value() if hasattr(key, "get_secret_value") else str(key)
    return value or ""


def redact(text: str, secret: str = "") -> str:
    """Remove the key (and anything that looks like one) from a server's message."""
    if secret and len(secret) >= 4:
        text = text.replace(secret, "[redacted]")
    text = _BEARER.sub(r"\1[redacted]", text)
    return _KEY_LIKE.sub("[redacted]", text)


def _server_message(error: Any, secret: str) -> str:
    body = getattr(error, "body", None)
    message = ""
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = str(inner.get("message", "")) if isinstance(inner, dict) else str(inner)
    elif body:
        message = str(body)
    message = redact(" ".join(message.split()), secret)
    return message[:200]


def _retry_after(error: Any) -> str:
    response = getattr(error, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return ""
    value = headers.get("retry-after") or ""
    return str(value).strip()


def to_engine_error(error: BaseException, *, endpoint: str, model: str = "",
                    secret: str = "") -> EngineError:
    """One clear EngineError for any failure of an OpenAI-compatible call."""
    import openai

    where = endpoint or "the model endpoint"
    offline_hint = "or run with --engine offline"
    if isinstance(error, EngineError):
        return error
    if isinstance(error, openai.AuthenticationError | openai.PermissionDeniedError):
        return EngineError(
            f"the endpoint refused the API key (HTTP {getattr(error, 'status_code', 401)})",
            endpoint=where,
            what_to_do="set a valid key in ICP_COACH_API_KEY (or OPENAI_API_KEY) or in the config "
                       f"file, {offline_hint}",
        )
    if isinstance(error, openai.NotFoundError):
        named = f"model {model!r}" if model else "the model"
        return EngineError(
            f"the endpoint does not know {named}, or the path is wrong (HTTP 404)",
            endpoint=where,
            what_to_do="check ICP_COACH_MODEL against the models the server lists, and that the "
                       "base URL ends with /v1",
        )
    if isinstance(error, openai.RateLimitError):
        wait = _retry_after(error)
        asked = f"; it asked to wait {wait}s" if wait else ""
        return EngineError(
            f"the endpoint is rate-limiting requests (HTTP 429) and retries ran out{asked}",
            endpoint=where,
            what_to_do="wait a minute and try again, raise ICP_COACH_MAX_RETRIES, or check the "
                       "account's quota",
            retryable=True,
        )
    if isinstance(error, openai.APITimeoutError):
        return EngineError(
            "the endpoint did not answer in time",
            endpoint=where,
            what_to_do=f"check the server is not overloaded, raise ICP_COACH_TIMEOUT_SECONDS, "
                       f"{offline_hint}",
            retryable=True,
        )
    if isinstance(error, openai.APIConnectionError):
        return EngineError(
            "could not connect to the endpoint (connection refused or dropped)",
            endpoint=where,
            what_to_do=f"start the server or fix ICP_COACH_BASE_URL, {offline_hint}",
            retryable=True,
        )
    if isinstance(error, openai.APIStatusError):
        status = error.status_code
        detail = _server_message(error, secret)
        said = f": {detail}" if detail else ""
        if status >= 500:
            return EngineError(
                f"the endpoint failed with HTTP {status} after retries{said}",
                endpoint=where,
                what_to_do=f"try again later; if it persists, check the server's logs, {offline_hint}",
                retryable=True,
            )
        return EngineError(
            f"the endpoint rejected the request with HTTP {status}{said}",
            endpoint=where,
            what_to_do="check the model name and the structured-output method "
                       "(ICP_COACH_STRUCTURED_METHOD: json_schema, function_calling or json_mode)",
        )
    if isinstance(error, StreamCutError) or _is_cut_stream(error):
        return EngineError(
            "the reply stream was cut halfway; what arrived so far is kept",
            endpoint=where,
            what_to_do="send the message again; if it keeps happening, check the server or a "
                       "proxy in between",
            retryable=True,
        )
    return EngineError(
        f"the model call failed ({type(error).__name__}: {redact(str(error), secret)[:200]})",
        endpoint=where,
        what_to_do=f"try again, {offline_hint}",
    )


def _is_cut_stream(error: BaseException) -> bool:
    names = {cls.__name__ for cls in type(error).__mro__}
    return bool(names & {"RemoteProtocolError", "ReadError", "IncompleteRead",
                         "ChunkedEncodingError", "ClientPayloadError"})


@contextmanager
def engine_errors(chat_model: Any) -> Iterator[None]:
    """Re-raise any wire failure inside the block as an EngineError for `chat_model`'s endpoint."""
    try:
        yield
    except EngineError:
        raise
    except Exception as error:  # the whole point: nothing unexplained reaches the user
        if not _is_wire_error(error):
            raise
        raise to_engine_error(
            error, endpoint=endpoint_of(chat_model), model=getattr(chat_model, "model_name", ""),
            secret=secret_of(chat_model),
        ) from None


def _is_wire_error(error: BaseException) -> bool:
    import openai

    if isinstance(error, openai.LengthFinishReasonError):
        return False  # the model's answer ran past the token cap: the caller may ask it again
    return isinstance(error, openai.OpenAIError | StreamCutError) or _is_cut_stream(error)
