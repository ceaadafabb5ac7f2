"""Transcripts as real exports have them: metadata at the top, analysis after the interview,
several interviewers and an audience, one person under two labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.loader import load_transcript, parse_transcript

PUBLISHED = """# A payroll switch interview
**Source:** a podcast episode, lightly edited
**Hosts:** Dana Lee, Sam Ortiz
**Date**: 2024-05-01
Scenario: an office manager who changed payroll tools

Dana Lee: Thanks for coming on. What were you using before?
Kim (Office manager): Paper timesheets. Every Friday I spent three hours typing hours in by hand.
Sam Ortiz: And why did you change?
Kim (Office manager): Our bookkeeper quit in March and nobody else knew the process.
PM (Dana Lee): What did you like about the new one?
Kim (Office manager): It pulls the hours from the time clock automatically.
Audience: How much did it cost you?
Kim (Office manager): About six dollars a person a month, which felt fair.

## Key insights
- Kim: typing hours by hand was the push
**Takeaways**
Push: manual entry
"""


def test_metadata_analysis_and_hosts_never_become_customers() -> None:
    transcript = parse_transcript(PUBLISHED, "payroll.md", fmt="md")
    customers = {t.speaker for t in transcript.turns if not t.is_interviewer}
    assert customers == {"Kim"}
    assert set(transcript.interviewers) == {"Dana Lee", "PM (Dana Lee)", "Sam Ortiz", "Audience"}
    customer_text = " ".join(t.text for t in transcript.turns if not t.is_interviewer)
    assert "the push" not in customer_text and "manual entry" not in customer_text
    assert any("interviewer(s)" in w and "Dana Lee" in w for w in transcript.warnings)


def test_a_role_that_names_another_speaker_is_that_speaker() -> None:
    transcript = parse_transcript(PUBLISHED, "payroll.md", fmt="md")
    assert "PM" not in {t.speaker for t in transcript.turns}


def test_interviewers_found_by_who_asks_without_hints() -> None:
    text = ("Alex: How did you schedule crews before?\n"
            "Jordan: On a whiteboard in the shop, and it was wrong half the time because people "
            "changed jobs by phone and nobody updated it.\n"
            "Riley: What made you change?\n"
            "Jordan: We sent two crews to the same house on a Monday and the customer laughed at us.\n"
            "Alex: What did you look at?\n"
            "Jordan: Two scheduling apps and a bigger whiteboard, honestly, and we tried one for a month.\n"
            "Riley: Why that one?\n"
            "Jordan: The crews see the day on their phones and it texts the customer when they are on the way.\n")
    transcript = parse_transcript(text, "crews.txt")
    assert set(transcript.interviewers) == {"Alex", "Riley"}


@pytest.mark.parametrize("name", ["Priya Raman", "priya", "Priya"])
def test_interviewer_named_by_first_or_full_name_on_a_txt(tmp_path: Path, name: str) -> None:
    path = tmp_path / "call.txt"
    path.write_text("Priya: What were you using?\nOmar (Ops lead): A spreadsheet, for years.\n"
                    "Priya: Why change?\nOmar (Ops lead): We lost an order.\n", encoding="utf-8")
    transcript = load_transcript(path, interviewer=[name])
    assert transcript.interviewers == ["Priya"]


def test_an_interviewer_who_is_not_there_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "call.txt"
    path.write_text("Priya: What were you using?\nOmar: A spreadsheet.\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match="Zed"):
        load_transcript(path, interviewer=["Zed"])
