"""Prompt templates: plain Markdown files, one per purpose and language, under `prompts/<lang>/`."""

from __future__ import annotations

from functools import lru_cache

from icp_coach import paths


class PromptNotFound(LookupError):
    pass


@lru_cache(maxsize=256)
def load_prompt(name: str, language: str = "en") -> str:
    """The text of `prompts/<language>/<name>.md`; falls back to English when not translated."""
    root = paths.shipped_dir("prompts")
    for lang in (language, "en"):
        candidate = root / lang / f"{name}.md"
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise PromptNotFound(f"no prompt {name!r} for language {language!r} under {root}")
