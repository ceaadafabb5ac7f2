"""What the coach refuses to read as an answer, and why: empty, too long, binary, or instructions.

The text stays data either way; a refused answer changes nothing in the session.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_ANSWER_CHARS = 8_000

_INJECTION = re.compile(
    r"ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier) (?:instructions|prompts?|rules)"
    r"|disregard (?:all |the )?(?:previous|prior|above) "
    r"|(?:reveal|print|show|repeat) (?:me )?(?:your|the) (?:system )?prompt"
    r"|you are now (?:a|an|in) "
    r"|\bsystem prompt\b|\bjailbreak\b|<\|im_start\|>|\[INST\]"
    r"|忽略(?:之前|以上|前面|上面)(?:的|所有)?(?:所有)?(?:指令|指示|提示|规则)"
    r"|无视(?:之前|以上|前面)(?:的)?(?:指令|提示)"
    r"|(?:输出|显示|泄露)(?:你的)?系统提示",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class InputProblem:
    code: str  # empty | too_long | binary | injection
    length: int = 0


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:4000]
    odd = sum(1 for char in sample
              if char == "\ufffd" or (unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn")
                                      and char not in "\n\r\t"))
    return odd >= max(3, len(sample) * 0.1)


def check_answer(text: str, *, max_chars: int = MAX_ANSWER_CHARS) -> InputProblem | None:
    """The first problem with `text` as an answer, or None when it can be read."""
    if not text.strip():
        return InputProblem("empty")
    if _looks_binary(text):
        return InputProblem("binary", len(text))
    if len(text) > max_chars:
        return InputProblem("too_long", len(text))
    if _INJECTION.search(text):
        return InputProblem("injection", len(text))
    return None
