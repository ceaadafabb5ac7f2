"""One entry point: a file path (or text) to a `Transcript`, whatever the format."""

from __future__ import annotations

import re
from pathlib import Path

from icp_coach.domain.jtbd_text import detect_language
from icp_coach.domain.transcript import Transcript
from icp_coach.transcripts.cues import parse_cues
from icp_coach.transcripts.decoding import decode_transcript
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.labelled_text import parse_labelled_text
from icp_coach.transcripts.roles import detect_interviewers
from icp_coach.transcripts.turns import TurnBuilder, join_same_speaker

SUPPORTED = (".txt", ".md", ".markdown", ".vtt", ".srt", ".docx", ".text")
_SRT_TIMING = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2},\d{1,3}\s*-->", re.MULTILINE)
_VTT_TIMING = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{2}\.\d{1,3}\s*-->", re.MULTILINE)


def sniff_format(text: str, suffix: str) -> str:
    head = text.lstrip("\ufeff")
    if suffix == ".vtt" or head.startswith("WEBVTT"):
        return "vtt"
    if suffix == ".srt" or _SRT_TIMING.search(head[:4000]):
        return "srt"
    if _VTT_TIMING.search(head[:4000]):
        return "vtt"
    return "md" if suffix in (".md", ".markdown") else "txt"


def _docx_lines(path: Path) -> list[str]:
    try:
        import docx  # python-docx; imported only for Word files
    except ImportError as error:  # pragma: no cover - a declared dependency
        raise TranscriptError(str(path), "python-docx is not installed",
                              what_to_do="pip install python-docx") from error
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises several kinds for a damaged package
        raise TranscriptError(str(path), f"not a readable Word (.docx) file ({error})",
                              what_to_do="open it in Word and save it again as .docx") from error
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:  # Teams exports sometimes put speaker | text in a table
        for row in table.rows:
            cells = [cell.text.strip() for cell in row.cells]
            if len(cells) >= 2 and cells[0] and cells[-1]:
                lines.append(f"{cells[0]}: {cells[-1]}")
    return lines


def parse_transcript(text: str, source: str, *, fmt: str = "txt",
                     interviewer: list[str] | None = None,
                     extra_warnings: list[str] | None = None) -> Transcript:
    """Text in a known format to a `Transcript` with interviewer and language decided."""
    warnings = list(extra_warnings or [])
    if not text.strip():
        raise TranscriptError(source, "is empty", what_to_do="export the transcript again")
    lines = text.lstrip("\ufeff").splitlines()
    builders: list[TurnBuilder]
    if fmt in ("vtt", "srt"):
        builders, found = parse_cues(lines, source, kind=fmt)
        warnings += [f"{source}: {w}" for w in found]
    else:
        builders, found, labelled = parse_labelled_text(lines)
        warnings += [f"{source}: {w}" for w in found]
        if labelled == 0:
            raise TranscriptError(
                source, "no speaker labels found", line=1,
                what_to_do="start each turn with the speaker's name, e.g. 'Interviewer: ...' and "
                "'Maya (VP Sales): ...', or export with speaker names from the meeting tool")
    turns = [builder.build() for builder in join_same_speaker(builders)]
    if not turns:
        raise TranscriptError(source, "has no speech in it", what_to_do="export the transcript again")
    interviewers, notes = detect_interviewers([t for t in turns if t.speaker], source, interviewer)
    warnings += notes
    marked = [t.model_copy(update={"is_interviewer": (not t.speaker) or t.speaker in interviewers})
              for t in turns]
    language = detect_language(" ".join(t.text for t in marked[:200]))
    return Transcript(source=source, turns=marked, language=language,
                      interviewers=interviewers, warnings=warnings, format=fmt)


def load_transcript(path: str | Path, *, interviewer: list[str] | None = None,
                    encoding: str | None = None) -> Transcript:
    """Read and parse one transcript file. Raises `TranscriptError` with file and line."""
    file = Path(path)
    source = str(path)
    if not file.exists():
        raise TranscriptError(source, "no such file")
    if file.is_dir():
        raise TranscriptError(source, "is a folder", what_to_do="pass the transcript files inside it")
    suffix = file.suffix.lower()
    if suffix == ".docx":
        lines = _docx_lines(file)
        return parse_transcript("\n".join(lines), source, fmt="docx", interviewer=interviewer)
    if suffix == ".doc":
        raise TranscriptError(source, "old Word .doc files are not supported",
                              what_to_do="save it as .docx or .txt")
    raw = file.read_bytes()
    if not raw.strip():
        raise TranscriptError(source, "is empty", what_to_do="export the transcript again")
    text, warnings = decode_transcript(raw, source, encoding)
    fmt = sniff_format(text, suffix)
    return parse_transcript(text, source, fmt=fmt, interviewer=interviewer, extra_warnings=warnings)
