"""One entry point: a file path (or text) to a `Transcript`, whatever the format."""

from __future__ import annotations

import re
from pathlib import Path

from icp_coach.domain.jtbd_text import detect_language
from icp_coach.domain.transcript import Transcript, TranscriptTurn
from icp_coach.transcripts.aliases import canonical_speakers
from icp_coach.transcripts.cues import parse_cues
from icp_coach.transcripts.decoding import decode_transcript
from icp_coach.transcripts.document_text import DOCUMENTS, document_container, document_text
from icp_coach.transcripts.docx_lines import docx_lines
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.formats import FORMATS, SUFFIXES, read_other_format, sniff_other_format
from icp_coach.transcripts.header_people import header_people
from icp_coach.transcripts.html_lines import html_lines
from icp_coach.transcripts.labelled_text import parse_labelled_text
from icp_coach.transcripts.layouts import name_q_and_a, normalise_layout
from icp_coach.transcripts.roles import detect_interviewers
from icp_coach.transcripts.spreadsheet import WORKBOOKS, read_spreadsheet
from icp_coach.transcripts.turn_stamps import without_inner_stamps
from icp_coach.transcripts.turns import TurnBuilder, join_same_speaker

SUPPORTED = (".txt", ".md", ".markdown", ".vtt", ".srt", ".docx", ".text", *SUFFIXES, *WORKBOOKS, *DOCUMENTS)
_SRT_TIMING = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2},\d{1,3}\s*-->", re.MULTILINE)
_BARE_ID = re.compile(r"^(?:\d{1,2}|[A-Z])$")  # a speech-to-text tool's speaker "0", "1", "A"
_VTT_TIMING = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{1,2}\.\d{1,3}\s*-->", re.MULTILINE)


def sniff_format(text: str, suffix: str) -> str:
    head = text.lstrip("\ufeff")
    if suffix == ".vtt" or head.startswith("WEBVTT"):
        return "vtt"
    if suffix == ".srt":
        return "srt"
    other = sniff_other_format(text, suffix)
    if other:
        return other
    if _SRT_TIMING.search(head[:4000]):
        return "srt"
    if _VTT_TIMING.search(head[:4000]):
        return "vtt"
    return "md" if suffix in (".md", ".markdown") else "txt"


def _fold_aliases(builders: list[TurnBuilder]) -> list[TurnBuilder]:
    """One speaker per person (see `aliases`); a folded label stays on the turn as written."""
    mapping = canonical_speakers((b.speaker, b.role) for b in builders if b.speaker)
    for builder in builders:
        if not builder.speaker:
            continue
        written_name = builder.speaker
        builder.speaker, builder.role = mapping[(builder.speaker, builder.role)]
        if builder.speaker == written_name:
            builder.label = ""
        elif not builder.label:
            builder.label = written_name
    return builders


def _cite_file_lines(builders: list[TurnBuilder], source_lines: list[int]) -> None:
    """Text lines made from an HTML page, cited at the lines of the page they came from."""
    def at(line: int) -> int:
        return source_lines[line - 1] if 0 < line <= len(source_lines) else line
    for builder in builders:
        builder.line = at(builder.line)
        builder.line_starts = [(start, at(line)) for start, line in builder.line_starts]


def interviewer_labels(turns: list[TranscriptTurn], interviewers: list[str]) -> list[str]:
    """Every label the interviewers speak under, as the file writes them: ["PM (Rachel)", "Rachel"]."""
    labels: list[str] = []
    for turn in turns:
        if turn.speaker in interviewers and turn.written_label() not in labels:
            labels.append(turn.written_label())
    return labels


def parse_transcript(text: str, source: str, *, fmt: str = "txt",
                     interviewer: list[str] | None = None,
                     extra_warnings: list[str] | None = None) -> Transcript:
    """Text in a known format to a `Transcript` with interviewer and language decided."""
    warnings = list(extra_warnings or [])
    if not text.strip():
        raise TranscriptError(source, "is empty", what_to_do="export the transcript again")
    lines = text.lstrip("\ufeff").splitlines()
    source_lines: list[int] | None = None  # an HTML page: the file line of each text line
    if fmt == "html":
        page = html_lines(text)
        source_lines, lines = [number for number, _ in page], [line for _, line in page]
    builders: list[TurnBuilder]
    cue_kind = fmt if fmt in ("vtt", "srt") else None
    if fmt == "docx" and (_VTT_TIMING.search(text) or _SRT_TIMING.search(text)):
        cue_kind = "srt"  # Teams' older Word transcripts: cue timings, the name, the text
    if cue_kind:
        builders, found = parse_cues(lines, source, kind=cue_kind)
        warnings += [f"{source}: {w}" for w in found]
    elif fmt in FORMATS and fmt != "html":
        builders, found = read_other_format(fmt, text, source)
        warnings += [f"{source}: {w}" for w in found]
    else:
        builders, found, labelled = parse_labelled_text(normalise_layout(lines))
        warnings += [f"{source}: {w}" for w in found]
        if labelled == 0:
            raise TranscriptError(
                source, "no speaker labels found", line=1,
                what_to_do="start each turn with the speaker's name, e.g. 'Interviewer: ...' and "
                "'Maya (VP Sales): ...', or export with speaker names from the meeting tool")
        if source_lines is not None:
            _cite_file_lines(builders, source_lines)
    builders = _fold_aliases(without_inner_stamps(builders))
    hosts, guests = header_people(lines)
    name_q_and_a(builders, hosts, guests)
    turns = [builder.build() for builder in join_same_speaker(builders, separate_lines=cue_kind is None)]
    if not turns:
        raise TranscriptError(source, "has no speech in it", what_to_do="export the transcript again")
    choice = detect_interviewers([t for t in turns if t.speaker], source, interviewer,
                                 hosts=hosts, guests=guests)
    chosen = set(choice.interviewers)
    marked = [t.model_copy(update={"is_interviewer": (not t.speaker) or t.speaker in chosen})
              for t in turns]
    labels = interviewer_labels(marked, choice.interviewers)
    speakers = list(dict.fromkeys(t.speaker for t in turns if t.speaker))
    if labels:
        named = ", ".join(f"speaker {label}" if _BARE_ID.match(label) else label for label in labels)
        warnings.append(f"{source}: interviewer(s): {named} ({choice.how}); "
                        "pass --interviewer NAME to change it")
    else:
        warnings.append(f"{source}: no interviewer ({choice.how}: "
                        f"{', '.join(speakers) or 'none'}); every turn is treated as the customer's")
    language = detect_language(" ".join(t.text for t in marked[:200]))
    return Transcript(source=source, turns=marked, language=language,
                      interviewers=labels, warnings=warnings, format=fmt)


def load_transcript(path: str | Path, *, interviewer: list[str] | None = None,
                    encoding: str | None = None) -> Transcript:
    """Read and parse one transcript file. Raises `TranscriptError` with file and line."""
    file = Path(path)
    source = str(path)
    if not file.exists():
        raise TranscriptError(source, "no such file")
    if (sheet := read_spreadsheet(file, source)) is not None:  # .xlsx: its rows read as a CSV's
        table, found = sheet
        read = parse_transcript(table, source, fmt="csv", interviewer=interviewer, extra_warnings=found)
        return read.model_copy(update={"format": file.suffix.lower().lstrip(".")})
    if file.is_dir():
        raise TranscriptError(source, "is a folder", what_to_do="pass the transcript files inside it")
    suffix = file.suffix.lower()
    if suffix == ".docx":
        lines = docx_lines(file)
        return parse_transcript("\n".join(lines), source, fmt="docx", interviewer=interviewer)
    if suffix == ".doc":
        raise TranscriptError(source, "old Word .doc files are not supported",
                              what_to_do="save it as .docx or .txt")
    raw = file.read_bytes()
    if not raw.strip():
        raise TranscriptError(source, "is empty", what_to_do="export the transcript again")
    if container := document_container(raw, suffix):  # RTF, email, Evernote: read their text
        inner = document_text(raw, container, source)
        read = parse_transcript(inner, source, fmt=sniff_format(inner, ".txt"), interviewer=interviewer)
        return read.model_copy(update={"format": container})
    text, warnings = decode_transcript(raw, source, encoding)
    fmt = sniff_format(text, suffix)
    return parse_transcript(text, source, fmt=fmt, interviewer=interviewer, extra_warnings=warnings)
