"""Loads the cue lexicons and prototypes shipped next to this module as YAML data files
(the alternatives finder reads its own, alternatives.yaml, in option_mentions.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

CLASSES = ("push", "pull", "anxiety", "habit", "trigger", "outcome", "distractor")


def _data(name: str) -> Any:
    import yaml

    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _compile(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(pattern, re.IGNORECASE) for pattern in patterns]


@dataclass(frozen=True)
class CueLexicon:
    cues: dict[str, list[tuple[re.Pattern[str], float]]]
    questions: dict[str, list[re.Pattern[str]]]

    def score(self, text: str) -> dict[str, float]:
        return {name: sum(weight for pattern, weight in patterns if pattern.search(text))
                for name, patterns in self.cues.items()}

    def question_kinds(self, text: str) -> set[str]:
        return {name for name, patterns in self.questions.items()
                if any(pattern.search(text) for pattern in patterns)}


@lru_cache(maxsize=4)
def cue_lexicon(language: str) -> CueLexicon:
    data = _data(f"cues_{'zh' if language == 'zh' else 'en'}.yaml")
    cues: dict[str, list[tuple[re.Pattern[str], float]]] = {}
    for name in CLASSES:
        entry = data.get(name) or {}
        cues[name] = ([(p, 2.0) for p in _compile(entry.get("strong") or [])]
                      + [(p, 1.0) for p in _compile(entry.get("weak") or [])])
    questions = {name: _compile(patterns or []) for name, patterns in (data.get("questions") or {}).items()}
    return CueLexicon(cues, questions)


@lru_cache(maxsize=2)
def timeline_cues(language: str) -> dict[str, list[re.Pattern[str]]]:
    data = _data("timeline.yaml")["zh" if language == "zh" else "en"]
    return {stage: _compile(patterns) for stage, patterns in data.items()}
