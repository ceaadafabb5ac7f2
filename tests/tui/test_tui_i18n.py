"""The TUI's strings: every key used exists in both languages, and the Chinese ones are Chinese."""

from __future__ import annotations

import re
from pathlib import Path

from icp_coach.tui.i18n import STRINGS, t

TUI = Path(__file__).resolve().parents[2] / "icp_coach" / "tui"
# Names, acronyms, keys and file types that stay as they are in the Chinese UI.
KEPT = {"ICP", "PMF", "NPS", "CRM", "CSV", "XLSX", "YAML", "API", "URL", "Base", "ID", "JSON",
        "Markdown", "OpenAI", "OPENAI_API_KEY", "ctrl", "txt", "md", "vtt", "srt", "docx", "tsv", "ttml", "sbv", "ass",
        "rtf", "eml", "xlsx",
        "Otter", "Zoom", "Teams", "F1", "F2", "F3", "F4", "F5", "help", "assess", "undo", "step",
        "N", "basis", "template", "icp", "coach", "chat", "resume", "id", "path", "company",
        "name", "customers", "csv", "interview", "llm", "local", "offline", "engine", "n",
        "LLM", "json", "title", "lang", "updated", "where", "problem", "line", "count", "error",
        "seconds", "detail", "step_title", "why", "value", "type"}


def test_every_string_has_english_and_chinese() -> None:
    missing = [key for key, entry in STRINGS.items() if not entry.get("en") or not entry.get("zh")]
    assert missing == []


def test_chinese_strings_hold_no_english_words() -> None:
    leaks = {}
    for key, entry in STRINGS.items():
        text = re.sub(r"(?:ctrl|alt|shift)\+\w+", "", entry["zh"])  # key names
        words = set(re.findall(r"[A-Za-z][A-Za-z_0-9]*", text)) - KEPT
        if words:
            leaks[key] = sorted(words)
    assert leaks == {}


def test_every_key_the_screens_use_is_defined() -> None:
    used: set[str] = set()
    for source in TUI.rglob("*.py"):
        used |= set(re.findall(r"\bt\(\s*\"([a-z_][a-z_0-9.]*)\"", source.read_text("utf-8")))
    assert used and sorted(used - STRINGS.keys()) == []
    assert t("status.ready", "zh") == "就绪"
