"""The step prompts exist in both languages with the same sections and placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.process import STEPS, step_gaps
from icp_coach.services.coach import STEP_FILES
from icp_coach.services.coach_texts import split_sections

PROMPTS = Path(__file__).resolve().parents[2] / "prompts"
FILES = sorted(path.stem for path in (PROMPTS / "en" / "steps").glob("*.md"))


@pytest.mark.parametrize("name", FILES)
def test_chinese_has_every_section_and_placeholder_of_english(name):
    en = split_sections((PROMPTS / "en" / "steps" / f"{name}.md").read_text(encoding="utf-8"))
    zh = split_sections((PROMPTS / "zh" / "steps" / f"{name}.md").read_text(encoding="utf-8"))
    assert set(en) == set(zh)
    for section, text in en.items():
        assert set(re.findall(r"\{(\w+)\}", text)) == set(re.findall(r"\{(\w+)\}", zh[section])), section
        assert zh[section].strip(), section


def test_every_gap_a_step_can_report_has_a_follow_up_question():
    empty = ICPDocument(name="x")
    for step in STEPS:
        sections = split_sections(
            (PROMPTS / "en" / "steps" / f"{STEP_FILES[step.number]}.md").read_text(encoding="utf-8"))
        for gap in step_gaps(step.number, empty):
            assert f"follow_up {gap.key}" in sections, (step.number, gap.key)
        assert "query" in sections and "ack" in sections and "done" in sections
