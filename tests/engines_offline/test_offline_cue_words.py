"""Cue words mean what they say: every cue is read as text, and a short English cue is a whole
word ("no" is not the start of "notes", "out" not of "outlook")."""

from __future__ import annotations

from typing import Any

from icp_coach.engines.offline.extraction.lexicons import load_data
from icp_coach.engines.offline.extraction.lines import classify_phrase, classify_units, split_units


def _leaves(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [leaf for value in node.values() for leaf in _leaves(value)]
    if isinstance(node, list):
        return [leaf for value in node for leaf in _leaves(value)]
    return [node]


def test_every_cue_is_text() -> None:
    # YAML reads a bare `no` as false: such a cue would silently never match.
    assert [leaf for leaf in _leaves(load_data("cues.yaml")) if not isinstance(leaf, str)] == []


def test_short_cues_are_whole_words() -> None:
    assert classify_phrase("No") == "red_flag"
    assert classify_phrase("Out") == "red_flag"
    assert classify_phrase("Notes from the call") is None
    assert classify_phrase("Outlook") is None


def test_a_notes_heading_does_not_rule_its_list_out() -> None:
    units = classify_units(split_units("Intro\n\nNotes from the call:\n- chimney sweeps in Ohio\n"))
    items = [u for u in units if not u.is_heading]
    assert [u.kind for u in items] == [None]  # placed later by its words, not ruled out
