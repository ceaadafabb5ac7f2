"""ELAN annotation files (.eaf), as qualitative researchers keep coded interviews: speaker tiers
read in time order, child tiers (coders' notes, translations) never speech."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jtbd_helpers import FIXTURES

from icp_coach.cli.main import cli
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.loader import load_transcript

EAF = FIXTURES / "bike_repair_van_en.eaf"


def test_speaker_tiers_are_read_in_time_order_with_the_participant_as_speaker() -> None:
    transcript = load_transcript(EAF)
    assert [turn.speaker for turn in transcript.turns] == ["Kofi", "Marta", "Kofi", "Marta"]
    assert transcript.turns[1].text.startswith("Two customers turned up at the same car park")
    assert transcript.turns[1].timestamp == "00:00:06.000"
    assert transcript.interviewers == ["Kofi"]


def test_a_coders_note_on_a_child_tier_is_not_speech() -> None:
    text = " ".join(turn.text for turn in load_transcript(EAF).turns)
    assert "Coder note" not in text


def test_jtbd_on_an_eaf_file_quotes_the_customer_verbatim() -> None:
    result = CliRunner().invoke(cli, ["jtbd", str(EAF), "--engine", "offline", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    interview = json.loads(result.stdout)["interviews"][0]
    quotes = [e["quote"] for force in interview["forces"].values() for item in force for e in item["evidence"]]
    source = EAF.read_text(encoding="utf-8")
    assert quotes and all(quote in source for quote in quotes)
    assert any("worried that my older customers" in quote for quote in quotes)


def test_an_eaf_file_without_speech_tiers_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty.eaf"
    empty.write_text('<?xml version="1.0"?>\n<ANNOTATION_DOCUMENT FORMAT="3.0"><HEADER/><TIME_ORDER/>'
                     '<TIER TIER_ID="notes" PARENT_REF="x"/></ANNOTATION_DOCUMENT>\n', encoding="utf-8")
    with pytest.raises(TranscriptError, match="no annotations with text on a speaker tier"):
        load_transcript(empty)
