"""The message catalogues: the same keys and placeholders in English and Chinese, and lookup
falls back to English only for a key Chinese lacks."""

from __future__ import annotations

import string

import pytest

from icp_coach.text import messages
from icp_coach.text.messages import message
from icp_coach.text.messages_en import MESSAGES as ENGLISH
from icp_coach.text.messages_zh import MESSAGES as CHINESE


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_every_key_is_in_both_languages() -> None:
    assert sorted(ENGLISH.keys() - CHINESE.keys()) == []
    assert sorted(CHINESE.keys() - ENGLISH.keys()) == []


def test_no_message_is_empty() -> None:
    assert [key for key, text in {**ENGLISH, **CHINESE}.items() if not text.strip()] == []


def test_both_languages_use_the_same_placeholders() -> None:
    differ = {key: (sorted(_placeholders(ENGLISH[key])), sorted(_placeholders(CHINESE[key])))
              for key in ENGLISH.keys() & CHINESE.keys()
              if _placeholders(ENGLISH[key]) != _placeholders(CHINESE[key])}
    assert differ == {}


def test_keys_are_namespaced() -> None:
    assert [key for key in ENGLISH if "." not in key or key != key.strip()] == []


def test_lookup_fills_placeholders_in_the_chosen_language() -> None:
    assert message("tui.sessions.deleted", "zh", id="s1") == "已删除会话 s1"
    assert message("tui.sessions.deleted", "en", id="s1") == "Deleted session s1"
    assert message("tui.sessions.deleted", "fr", id="s1") == "Deleted session s1"


def test_a_key_missing_in_chinese_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    chinese = dict(CHINESE)
    del chinese["tui.status.ready"]
    monkeypatch.setitem(messages.CATALOGUES, "zh", chinese)
    assert message("tui.status.ready", "zh") == "Ready"


def test_an_unknown_key_is_an_error() -> None:
    with pytest.raises(KeyError):
        message("no.such.key", "en")


def test_every_key_the_package_looks_up_is_in_the_catalogue() -> None:
    """Literal keys exist; a key built with an f-string (`f"validation.{code}.message"`) matches
    at least one catalogue key."""
    import re
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "icp_coach"
    literal: set[str] = set()
    patterns: set[str] = set()
    for source in package.rglob("*.py"):
        text = source.read_text("utf-8")
        literal |= set(re.findall(r"\bmessage\(\s*\"([a-z_][a-z_0-9.]*)\"", text))
        patterns |= set(re.findall(r"\bmessage\(\s*f[\"']([a-z_][^\"']*)[\"']", text))
    assert literal and patterns
    assert sorted(literal - ENGLISH.keys()) == []
    unmatched = [pattern for pattern in patterns
                 if not any(re.fullmatch(re.sub(r"\\\{[^}]*\\\}", ".+", re.escape(pattern)), key)
                            for key in ENGLISH)]
    assert unmatched == []
