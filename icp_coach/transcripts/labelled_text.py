"""Plain text, Markdown and meeting-tool text exports into turns.

One turn per labelled line (see `label_lines` for the label forms), unlabelled lines continuing
the turn above. What is not speech is kept out, by form rather than by a list of phrases:
- the header: before the dialogue starts, a label used once whose value reads like a header
  field ("Scenario: a dispatcher who ...", "关键词：排班、对账") is metadata;
- the author's commentary: from an analysis heading ("## Key insights", "**Takeaways**",
  "## 关键洞察", "Action items:", or a tool's `关键词` / `Details` after a blank line) to the end,
  or, before the interview, to the next heading (the tool's notes above it: see `preamble`);
- phrases dressed as labels: a label used once, written unlike the speakers' labels (a bullet in
  a file whose speakers are not bulleted) or reading like a phrase ("Two things: ..."), is speech.
"""

from __future__ import annotations

import re
from collections import Counter

from icp_coach.domain.non_speech import is_only_non_speech
from icp_coach.transcripts.aliases import canonical_speakers
from icp_coach.transcripts.label_lines import LABELLED, Label, looks_like_phrase, read_label
from icp_coach.transcripts.preamble import notes_above, notes_title
from icp_coach.transcripts.sections import (
    METADATA_KEYS,
    analysis_heading,
    analysis_key,
    is_heading,
    metadata_key,
    reads_like_metadata,
    transcript_heading,
)
from icp_coach.transcripts.turns import TurnBuilder

__all__ = ["LABELLED", "METADATA_KEYS", "parse_labelled_text"]

_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|we|we're|we've|my|our)\b|我", re.IGNORECASE)


def _looks_like_phrase(label: Label) -> bool:
    return looks_like_phrase(label.name, label.role)


class _Labels:
    """Every line's label, decided with the whole file in view."""

    def __init__(self, lines: list[str]) -> None:
        self.labels: list[Label | None] = [read_label(line) for line in lines]
        self.metadata: set[int] = set()
        self._settle(lines)

    def person(self, label: Label) -> str:
        return self.speakers[label.key][0]

    def _settle(self, lines: list[str]) -> None:
        # labels in the commentary after the interview ("- Ines: ...") say nothing about speakers
        first = next((i for i, label in enumerate(self.labels) if label is not None), len(lines))
        cut = next((i for i in range(first + 1, len(lines)) if analysis_heading(lines[i])), len(lines))
        present = [label for label in self.labels[:cut] if label is not None]
        self.speakers = canonical_speakers(label.key for label in self.labels if label is not None)
        counts = Counter(self.person(label) for label in present)
        repeated = {name for name, count in counts.items() if count >= 2}
        styles = Counter(label.style for label in present if self.person(label) in repeated and not label.header)
        usual = styles.most_common(1)[0][0] if styles and styles.most_common(1)[0][1] >= 0.8 * sum(
            styles.values()) else None
        dialogue_started = False
        for index, label in enumerate(self.labels[:cut]):
            if label is None:
                continue
            once = counts[self.person(label)] < 2
            if not once:
                dialogue_started = True
                continue
            if repeated and not dialogue_started and not label.header and reads_like_metadata(label.text):
                self.labels[index] = None  # "Scenario: ...", "关键词：..." above the dialogue
                self.metadata.add(index)
            elif metadata_key(lines[index]) and reads_like_metadata(label.text) and not (
                    dialogue_started and _FIRST_PERSON.search(label.text)):
                # "Date: 12 May" further down; not a note-taker's "记录：这个点我记下来了" said
                # without a full stop
                self.labels[index] = None
                self.metadata.add(index)
            elif repeated and not label.header and (_looks_like_phrase(label) or (
                    usual is not None and label.style != usual)):
                self.labels[index] = None  # "- Price: too high" inside someone's answer


def _speakers_again(labels: list[Label | None], index: int, decided: _Labels) -> int:
    """How many lines after `index` are labelled with someone who spoke before it: a chapter list
    (`00:23 Visit planning`) under a notes title names no speaker."""
    before = {decided.person(label) for label in labels[:index] if label is not None}
    return sum(1 for label in labels[index + 1:] if label is not None and decided.person(label) in before)


def _skip_analysis_before_dialogue(lines: list[str], labels: list[Label | None]) -> set[int]:
    """Lines of a summary placed above the interview: from its heading to the next heading."""
    skipped: set[int] = set()
    inside = False
    for index, line in enumerate(lines):
        if labels[index] is not None and not inside:
            break
        if is_heading(line) or transcript_heading(line):
            inside = analysis_heading(line) and not transcript_heading(line)
            if inside:
                skipped.add(index)
            continue
        if inside:
            skipped.add(index)
    if skipped and all(labels[i] is None for i in range(len(lines)) if i not in skipped):
        return set()  # it swallowed every speaker: it was not a summary after all
    return skipped


def _without_tool_notes(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines with the tool's notes above the dialogue blanked (see `preamble`), and a warning."""
    notes = notes_above(lines, [read_label(line) for line in lines])
    if not notes:
        return lines, []
    warning = (f"lines {notes.start + 1}-{notes.stop}: the tool's notes above the transcript left out "
               f"(starting {lines[notes.start].strip()[:40]!r})")
    return ["" if i in notes else line for i, line in enumerate(lines)], [warning]


def parse_labelled_text(lines: list[str]) -> tuple[list[TurnBuilder], list[str], int]:
    """Turns, warnings, and how many lines carried a speaker label."""
    lines, warnings = _without_tool_notes(lines)
    decided = _Labels(lines)
    labels = decided.labels
    skipped_head = _skip_analysis_before_dialogue(lines, labels)
    # "Key insights: ..." starts the commentary only near the end: at most a few labelled lines follow
    labelled_after = [0] * len(lines)
    for index in range(len(lines) - 2, -1, -1):
        labelled_after[index] = labelled_after[index + 1] + (labels[index + 1] is not None)
    turns: list[TurnBuilder] = []
    unlabelled_head: list[int] = []
    in_analysis = False
    spoken = False  # a labelled turn has been read: commentary can only come after one
    for index, (line, label) in enumerate(zip(lines, labels, strict=True)):
        number = index + 1
        if index in skipped_head:
            if analysis_heading(line):
                warnings.append(f"line {number}: summary above the interview left out: {line.strip()[:60]!r}")
            continue
        if in_analysis:
            if transcript_heading(line):
                in_analysis = False
            continue
        starts_analysis = spoken and index not in decided.metadata and (
            analysis_heading(line) or (analysis_key(line) and labelled_after[index] <= 3)
            or (notes_title(line) and not lines[index - 1].strip()
                and _speakers_again(labels, index, decided) <= 3))
        if starts_analysis:
            in_analysis = True
            warnings.append(f"line {number}: analysis section after the interview left out: "
                            f"{line.strip()[:60]!r}")
            continue
        if index in decided.metadata or (label is None and metadata_key(line) and not turns):
            warnings.append(f"line {number}: metadata line skipped: {line.strip()[:60]!r}")
            continue
        if label is not None:
            # as written: the loader folds aliases ("PM (Rachel)" and "Rachel") for every format
            turns.append(TurnBuilder(label.name, label.role, number, label.timestamp, label=label.written))
            spoken = True
            turns[-1].add(label.text, number)
            continue
        if not line.strip() or is_only_non_speech(line):
            continue
        if not turns:
            if is_heading(line):
                warnings.append(f"line {number}: heading before the first speaker skipped: {line.strip()[:60]!r}")
            else:
                unlabelled_head.append(number)
                turns.append(TurnBuilder("", "", number))
                turns[-1].add(line, number)
            continue
        if is_heading(line):
            warnings.append(f"line {number}: heading kept out of the turn above: {line.strip()[:60]!r}")
            continue
        turns[-1].add(line, number, new_line=True)
    if unlabelled_head:
        warnings.append(f"line {unlabelled_head[0]}: text before the first speaker label has no "
                        "speaker; it is kept but never used as evidence")
    labelled = sum(label is not None for label in labels)
    return turns, warnings, labelled
