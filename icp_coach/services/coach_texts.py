"""The coach's words: prompt files (`prompts/<lang>/steps/<name>.md`) split into named sections.

A file is Markdown; each `## name` heading starts a section that runs to the next heading. The
loader is injected (services never read files themselves), so tests can pass any text.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from functools import lru_cache

PromptLoader = Callable[[str, str], str]


def split_sections(text: str) -> dict[str, str]:
    """`## name` headings to the stripped text under each."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("## "):
            current = sections.setdefault(line[3:].strip(), [])
        elif current is not None:
            current.append(line)
    return {name: "\n".join(lines).strip() for name, lines in sections.items()}


class _Lenient(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, **values: object) -> str:
    """Format a template; unknown placeholders are left as they are rather than failing."""
    return string.Formatter().vformat(template, (), _Lenient(values))


class CoachTexts:
    """Sections of the step prompt files, per language, loaded once."""

    def __init__(self, load: PromptLoader) -> None:
        self._load = load
        self._cached = lru_cache(maxsize=64)(self._sections)

    def _sections(self, name: str, language: str) -> dict[str, str]:
        return split_sections(self._load(f"steps/{name}", language))

    def has(self, name: str, section: str, language: str) -> bool:
        return bool(self._cached(name, language).get(section))

    def get(self, name: str, section: str, language: str, **values: object) -> str:
        sections = self._cached(name, language)
        template = sections.get(section)
        if template is None and language != "en":
            template = self._cached(name, "en").get(section)
        if template is None:
            raise KeyError(f"prompt steps/{name} has no section {section!r}")
        return fill(template, **values)
