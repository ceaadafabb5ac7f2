"""XML read safely for caption files: expat, as `xml.etree` uses, with DOCTYPE and entity
declarations refused (the "billion laughs" and external-entity attacks) and nothing fetched; every
element keeps the line it starts on, every piece of text the line it is on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NoReturn
from xml.parsers import expat

from icp_coach.transcripts.errors import TranscriptError


class _Refused(Exception):
    pass


@dataclass
class Node:
    """An element: its local name (namespace dropped), attributes, line and children."""

    name: str  # local name, namespace dropped
    attrs: dict[str, str]
    line: int
    children: list[Node | tuple[int, str]] = field(default_factory=list)  # nodes and (line, text)


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]


def _attrs(raw: dict[str, str]) -> dict[str, str]:
    return {_local(key): value for key, value in raw.items()}


def parse_xml(text: str, source: str) -> Node:
    parser = expat.ParserCreate(namespace_separator=" ")
    stack: list[Node] = []
    roots: list[Node] = []

    def refuse(*_: object) -> NoReturn:
        raise _Refused

    def start(name: str, attrs: dict[str, str]) -> None:
        node = Node(_local(name), _attrs(attrs), parser.CurrentLineNumber)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)

    def end(_: str) -> None:
        stack.pop()

    def data(chunk: str) -> None:
        if stack:
            stack[-1].children.append((parser.CurrentLineNumber, chunk))

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.buffer_text = False
    try:
        parser.Parse(text.lstrip("\ufeff"), True)
    except _Refused as error:
        raise TranscriptError(source, "XML with a DOCTYPE or entity declarations is refused (unsafe)",
                              line=parser.CurrentLineNumber,
                              what_to_do="export the captions again as plain TTML, or as .vtt or .srt") from error
    except expat.ExpatError as error:
        raise TranscriptError(source, f"not well-formed XML ({expat.ErrorString(error.code)})",
                              line=error.lineno, what_to_do="export the captions again") from error
    return roots[0]
