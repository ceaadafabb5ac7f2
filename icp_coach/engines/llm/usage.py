"""Token usage: read per call from the response metadata, summed per session."""

from __future__ import annotations

import threading
from typing import Any

from icp_coach.domain.ports import TokenUsage


def usage_of(message: Any) -> TokenUsage:
    """Tokens one response used: LangChain's `usage_metadata`, else the raw `token_usage`."""
    if message is None:
        return TokenUsage()
    metadata = getattr(message, "usage_metadata", None)
    if metadata:
        return TokenUsage(int(metadata.get("input_tokens") or 0),
                          int(metadata.get("output_tokens") or 0))
    raw = (getattr(message, "response_metadata", None) or {}).get("token_usage") or {}
    return TokenUsage(int(raw.get("prompt_tokens") or 0), int(raw.get("completion_tokens") or 0))


class UsageMeter:
    """The running total for a session, safe to add to from worker threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._total = TokenUsage()
        self._calls = 0

    def add(self, usage: TokenUsage) -> TokenUsage:
        with self._lock:
            self._total = self._total + usage
            self._calls += 1
            return self._total

    @property
    def total(self) -> TokenUsage:
        return self._total

    @property
    def calls(self) -> int:
        return self._calls

    def __repr__(self) -> str:
        return (f"UsageMeter(calls={self._calls}, input_tokens={self._total.input_tokens}, "
                f"output_tokens={self._total.output_tokens})")
