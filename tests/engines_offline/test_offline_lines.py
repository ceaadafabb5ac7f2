"""What each line of the notes is about: headings, labels, chat speakers, cue words."""

from __future__ import annotations

from icp_coach.engines.offline.extraction.lines import classify_units, split_clauses, split_units
from icp_coach.engines.offline.extractor import OfflineExtractor


def kinds(text: str) -> list[tuple[int, str | None]]:
    return [(u.line, u.kind) for u in classify_units(split_units(text)) if not u.is_heading]


def test_markdown_and_colon_headings_set_the_section() -> None:
    notes = "## Pain\n- month-end close takes days\n\nRed flags:\n- needs on-prem\n"
    assert kinds(notes) == [(2, "pain"), (5, "red_flag")]


def test_inline_labels_override_the_section_above() -> None:
    notes = "## Signals\n- hiring a RevOps lead\n\nChampion = Head of RevOps\n谁拍板：厂长\n"
    assert kinds(notes) == [(2, "signal"), (4, "decision"), (5, "decision")]


def test_red_flag_sections_stay_red_flags_whatever_the_line_says() -> None:
    notes = "排除：\n- 30 人以下的夫妻店\n- 规模：under 50 people\n"
    assert kinds(notes) == [(2, "red_flag"), (3, "red_flag")]


def test_a_colon_section_ends_at_the_next_paragraph() -> None:
    notes = "best fit:\n- B2B SaaS\n\nStack we see: Stripe and HubSpot\n"
    assert kinds(notes) == [(2, "profile"), (4, "tech")]


def test_chat_speakers_are_not_labels() -> None:
    notes = ("maya: red flags: agencies under 50 caregivers\n"
             "王总：购买信号：刚开了一批新店\n"
             "jon: pains we hear every single call: overtime blows up the margin\n")
    assert kinds(notes) == [(1, "red_flag"), (2, "signal"), (3, "pain")]


def test_cue_words_place_lines_without_headings() -> None:
    notes = ("Fleet notes\n\n"
             "We should stay away from owner-operators.\n"
             "They are hiring a fleet maintenance supervisor.\n"
             "Mechanics waste hours hunting for parts history.\n"
             "Ask Dana for the logo slide before the board deck.\n")
    assert kinds(notes) == [(3, "red_flag"), (4, "signal"), (5, "pain"), (6, "misc")]


def test_long_prose_lines_split_into_sentences_with_the_same_line_number() -> None:
    notes = ("Intro\n\nOur best customers are logistics firms with 100 to 800 employees in the US. "
             "They waste hours every week chasing paper work orders by hand.\n")
    # Gazetteer and size hints come from the extractor; the lines module only knows cue words.
    units = [u for u in OfflineExtractor(use_embeddings=False).classify(notes) if not u.is_heading]
    assert [(u.line, u.kind) for u in units] == [(3, "profile"), (3, "pain")]


def test_clauses_keep_listed_items_together() -> None:
    clauses = [c for _, c in split_clauses("食品饮料也可以做，但流程行业（化工、制药）先不碰")]
    assert clauses == ["食品饮料也可以做", "但流程行业（化工、制药）先不碰"]
