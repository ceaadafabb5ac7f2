"""The scripted reply writer: no model. It says what the coach decided (the guidance, written in
prompts/) and adds a short tip from each retrieved passage, numbered as the citations are.
English and Chinese; streamed word by word so a UI renders it like a model's reply.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable

from icp_coach.domain.knowledge import Passage
from icp_coach.domain.ports import ReplyRequest

TIP_CHARS = 280
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
_TOKEN = re.compile(r"\S+\s*|\s+")


def _sections(text: str) -> dict[str, str]:
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("## "):
            current = found.setdefault(line[3:].strip(), [])
        elif current is not None:
            current.append(line)
    return {name: "\n".join(lines).strip() for name, lines in found.items()}


def _default_loader(name: str, language: str) -> str:
    from icp_coach.prompt_files import load_prompt

    return load_prompt(name, language)


def tip_from(passage: Passage, limit: int = TIP_CHARS) -> str:
    """The first sentences of a passage, up to `limit` characters, cut at a sentence end."""
    body = " ".join(line for line in passage.text.splitlines()
                    if line.strip() and not line.lstrip().startswith("#"))
    body = " ".join(body.split())
    tip = ""
    for sentence in _SENTENCE_END.split(body):
        if not sentence:
            continue
        candidate = f"{tip} {sentence}".strip() if tip and not tip.endswith(("。", "！", "？")) \
            else tip + sentence
        if len(candidate) > limit and tip:
            break
        tip = candidate
        if len(tip) >= limit:
            break
    if len(tip) > limit:
        tip = tip[:limit].rstrip() + "…"
    return tip


class ScriptedReplyWriter:
    """ReplyWriter (domain/ports.py) for the offline and local engines."""

    name = "offline"

    def __init__(self, load: Callable[[str, str], str] | None = None) -> None:
        self._load = load or _default_loader
        self._frames: dict[str, dict[str, str]] = {}

    def _frame(self, language: str) -> dict[str, str]:
        if language not in self._frames:
            self._frames[language] = _sections(self._load("steps/offline_reply", language))
        return self._frames[language]

    def compose(self, request: ReplyRequest) -> str:
        text = request.guidance.strip()
        if not request.passages:
            return text
        frame = self._frame(request.language)
        tips = []
        for number, passage in enumerate(request.passages, start=1):
            tip = tip_from(passage)
            if tip:
                tips.append(frame.get("tip", "[{n}] {title}: {text}").format(
                    n=number, title=passage.title, text=tip))
        if not tips:
            return text
        return f"{text}\n\n{frame.get('tips_intro', '')}\n" + "\n".join(tips)

    async def stream_reply(self, request: ReplyRequest) -> AsyncIterator[str]:
        for token in _TOKEN.findall(self.compose(request)):
            yield token
