"""The shipped data files: gazetteers and cue lexicons, loaded once and cached.

The files live in `icp_coach/engines/offline/data/` so that people can extend them without
touching code; each entry has a canonical English value and English and Chinese synonyms.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

_CJK = re.compile(r"[\u3400-\u9fff]")


@cache
def load_data(name: str) -> Any:
    """Parse one YAML file from the data folder (cached for the process).

    libyaml's safe loader when PyYAML has it: the same data, in a tenth of the time the pure
    Python one takes on the gazetteers (a tenth of a second of every `extract`)."""
    text = resources.files("icp_coach.engines.offline").joinpath("data", name).read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


_SHORT = 4  # English cues this short match whole words (a plural "s" allowed)


def cue_pattern(cues: list[str]) -> re.Pattern[str]:
    """One regex for a cue list. English cues match at a word start (so "disqualif" also finds
    "disqualify"), short ones as whole words; Chinese cues match anywhere."""
    parts = []
    for cue in sorted({str(c) for c in cues}, key=len, reverse=True):
        escaped = re.escape(cue.strip()).replace(r"\ ", r"\s+")
        if cue[:1].isascii() and (cue[:1].isalnum()):
            escaped = r"(?<![A-Za-z0-9])" + escaped
            if len(cue.strip()) <= _SHORT:  # "no" is not the start of "notes", nor "out" of "outlook"
                escaped += r"s?(?![A-Za-z])"
        parts.append(escaped)
    return re.compile("|".join(parts), re.IGNORECASE)


@cache
def cues(section: str, kind: str) -> re.Pattern[str]:
    """The compiled cue regex for `cues.yaml` -> section -> kind (or a top-level list)."""
    data = load_data("cues.yaml")
    entry = data[section] if kind == "" else data[section][kind]
    return cue_pattern(list(entry))


def cue_kinds(section: str) -> list[str]:
    return list(load_data("cues.yaml")[section])
