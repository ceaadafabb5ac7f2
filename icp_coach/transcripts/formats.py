"""The caption and table formats beyond text, WebVTT and SRT: which one a file is, and its reader.

JSON is read when it holds a list of transcript segments (see `json_transcript`); an HTML page is
read as text lines (`html_lines`, in the loader). Files that are no transcript at all (XML of
another kind, PDF, RTF, SAMI) are
refused with a specific error rather than read as text with tags or braces for speakers.
"""

from __future__ import annotations

import json
import re

from icp_coach.transcripts.captions_xml import parse_ttml
from icp_coach.transcripts.errors import EXPORT_AS, TranscriptError
from icp_coach.transcripts.sbv import looks_like_sbv, parse_sbv
from icp_coach.transcripts.service_json import read_json
from icp_coach.transcripts.subtitles_ass import looks_like_ass, parse_ass
from icp_coach.transcripts.tabular import looks_like_table, parse_table
from icp_coach.transcripts.turns import TurnBuilder

SUFFIXES = (".csv", ".tsv", ".ttml", ".dfxp", ".xml", ".eaf", ".sbv", ".ass", ".ssa", ".json", ".html", ".htm")
READERS = ("csv", "table", "ttml", "sbv", "ass", "json", "html")
REFUSED = ("pdf", "rtf", "sami")
FORMATS = READERS + REFUSED
_XML_START = re.compile(r"^\s*(?:<\?xml\b|<(?:[\w-]+:)?tt\b|<[A-Za-z][\w:.-]*\s[^>]*\bxmlns\b)")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)


def sniff_other_format(text: str, suffix: str) -> str | None:
    """One of FORMATS, or None for text, WebVTT and SRT (the loader's own sniffing decides)."""
    head = text.lstrip("\ufeff")[:8000]
    stripped = head.lstrip()
    if stripped.startswith("%PDF-"):
        return "pdf"
    if stripped.startswith("{\\rtf"):
        return "rtf"
    if suffix in (".smi", ".sami") or re.match(r"^\s*<sami\b", head, re.IGNORECASE):
        return "sami"
    if suffix in (".html", ".htm") or _HTML_START.match(_XML_DECLARATION.sub("", head)):
        return "html"
    if suffix in (".ttml", ".dfxp", ".xml", ".eaf") or _XML_START.match(head):
        return "ttml"
    if suffix in (".ass", ".ssa") or looks_like_ass(head):
        return "ass"
    if suffix == ".sbv" or looks_like_sbv(head):
        return "sbv"
    if suffix == ".json" or (stripped[:1] in "{[" and stripped and _is_json(text)):
        return "json"
    return looks_like_table(head, suffix)


def _is_json(text: str) -> bool:
    try:
        json.loads(text.lstrip("\ufeff"))
    except ValueError:
        return False
    return True


def read_other_format(fmt: str, text: str, source: str) -> tuple[list[TurnBuilder], list[str]]:
    """Turns and warnings from a file of format `fmt` (one of FORMATS)."""
    body = text.lstrip("\ufeff")
    if fmt in ("csv", "table"):
        return parse_table(body, source, fmt)
    if fmt == "ttml":
        return parse_ttml(body, source)
    if fmt == "sbv":
        return parse_sbv(body.splitlines(), source)
    if fmt == "ass":
        return parse_ass(body.splitlines(), source)
    if fmt == "json":
        return read_json(body, source)
    what = {"pdf": "a PDF document", "rtf": "an RTF document",
            "sami": "SAMI (.smi) captions"}
    raise TranscriptError(source, f"{what[fmt]}, not a transcript format icp-coach reads", what_to_do=EXPORT_AS)
