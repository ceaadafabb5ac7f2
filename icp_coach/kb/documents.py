"""Knowledge documents: Markdown with YAML front matter, split by heading into passages.

A document that cannot be read (not UTF-8, malformed front matter, no id, a duplicate id) is
reported as a `DocumentError` naming the file; the other documents still load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from icp_coach.domain.knowledge import Kind, Passage
from icp_coach.domain.language import as_language
from icp_coach.text.paragraphs import chunk_paragraphs

LANGUAGES = ("en", "zh")
KINDS: tuple[str, ...] = get_args(Kind)
CORPUS_KINDS = tuple(kind for kind in KINDS if kind != "user")

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_STAGE_EN = re.compile(r"^\s*(early|growth|mature|transition)\s+stage\b", re.IGNORECASE)
_STAGE_ZH = re.compile(r"^\s*(早期|成长|成熟|转型)阶段")
_STAGE_ZH_NAMES = {"早期": "early", "成长": "growth", "成熟": "mature", "转型": "transition"}
_CJK = re.compile(r"[\u3400-\u9fff]")


class DocumentError(Exception):
    """A knowledge or user document that cannot be loaded: names the file, the line, what to do."""

    def __init__(self, path: Path | str, problem: str, *, line: int | None = None,
                 what_to_do: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        self.what_to_do = what_to_do
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.problem}"
        return f"{text} - {self.what_to_do}" if self.what_to_do else text


@dataclass(frozen=True)
class Document:
    doc_id: str
    title: str
    lang: str
    kind: str
    tags: list[str]
    company: str | None
    stages: list[str]
    source_path: str
    passages: list[Passage]


@dataclass
class CorpusLoad:
    documents: list[Document] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)

    @property
    def passages(self) -> list[Passage]:
        return [passage for document in self.documents for passage in document.passages]


def stage_of_heading(heading: str) -> str | None:
    """"Early stage: ..." / "早期阶段：..." -> "early"; other headings have no stage."""
    match = _STAGE_EN.match(heading)
    if match:
        return match.group(1).lower()
    match = _STAGE_ZH.match(heading)
    if match:
        return _STAGE_ZH_NAMES[match.group(1)]
    return None


def guess_language(text: str) -> str:
    """zh when a noticeable share of the letters are Chinese characters, else en."""
    sample = text[:4000]
    letters = sum(1 for char in sample if char.isalpha())
    chinese = len(_CJK.findall(sample))
    return "zh" if letters and chinese / letters > 0.2 else "en"


def read_utf8(path: Path) -> str:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise DocumentError(path, f"not UTF-8 text (byte {error.start})", line=line,
                            what_to_do="save the file as UTF-8") from None
    return text.removeprefix("\ufeff")


def split_front_matter(path: Path | str, text: str) -> tuple[dict[str, Any], str, int]:
    """The front matter as a dict, the body, and the line number where the body starts.
    A file that does not start with `---` has no front matter ({})."""
    import yaml

    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            break
    else:
        raise DocumentError(path, "the front matter opened with `---` is never closed", line=1,
                            what_to_do="end it with a line holding only `---`")
    raw = "".join(lines[1:index])
    try:
        meta = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise DocumentError(path, f"malformed front matter: {problem}", line=line,
                            what_to_do="fix the YAML between the `---` lines") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DocumentError(path, "the front matter is not a set of `key: value` lines", line=2)
    return meta, "".join(lines[index + 1:]), index + 2


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list | tuple):
        return [str(part).strip() for part in value if str(part).strip()]
    return [str(value)]


@dataclass
class _Section:
    path: list[str]
    stage: str | None
    lines: list[str] = field(default_factory=list)


def split_sections(body: str, fallback_title: str) -> tuple[str, list[_Section]]:
    """Split Markdown by heading. Returns the document title (the first `#` heading, else the
    fallback) and the sections in order; each keeps its heading path and the stage it is in."""
    title = fallback_title
    sections: list[_Section] = []
    current = _Section(path=[], stage=None)
    stack: list[tuple[int, str, str | None]] = []  # (level, heading, stage) below the title
    in_fence = False
    saw_title = False
    for line in body.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match is None:
            current.lines.append(line)
            continue
        level, heading = len(match.group(1)), match.group(2).strip()
        sections.append(current)
        if level == 1 and not saw_title:
            title, saw_title, stack = heading, True, []
            current = _Section(path=[], stage=None)
            continue
        while stack and stack[-1][0] >= level:
            stack.pop()
        inherited = stack[-1][2] if stack else None
        stack.append((level, heading, stage_of_heading(heading) or inherited))
        current = _Section(path=[entry[1] for entry in stack], stage=stack[-1][2])
    sections.append(current)
    return title, [section for section in sections if "".join(section.lines).strip()]


def _passages_of(sections: list[_Section], *, doc_id: str, title: str, lang: str, kind: str,
                 tags: list[str], company: str | None, source_path: str,
                 max_chars: int | None = None) -> list[Passage]:
    passages: list[Passage] = []
    for section in sections:
        text = "\n".join(section.lines).strip()
        pieces = chunk_paragraphs(text, max_chars) if max_chars else [text]
        for piece in pieces:
            passages.append(Passage(
                id=f"{doc_id}#{len(passages) + 1}",
                doc_id=doc_id,
                title=title,
                section=" > ".join([title, *section.path]),
                text=piece,
                lang=as_language(lang),
                kind=kind,  # type: ignore[arg-type]
                tags=tags,
                company=company,
                stage=section.stage if kind in ("case", "user") else None,
                source_path=source_path,
            ))
    return passages


def parse_knowledge_document(path: Path, text: str, *, display_path: str | None = None) -> Document:
    """One corpus document; raises DocumentError for anything a writer must fix."""
    shown = display_path or str(path)
    meta, body, _ = split_front_matter(shown, text)
    if not meta:
        raise DocumentError(shown, "no front matter", line=1,
                            what_to_do="start the file with `---`, `id: ...`, `lang: ...`, `---`")
    doc_id = str(meta.get("id") or "").strip()
    if not doc_id:
        raise DocumentError(shown, "the front matter has no `id`", line=2,
                            what_to_do="add `id: <topic>.<lang>`")
    lang = str(meta.get("lang") or "").strip()
    if lang not in LANGUAGES:
        raise DocumentError(shown, f"`lang` is {lang or 'missing'!r}, expected en or zh", line=2)
    kind = str(meta.get("kind") or "method").strip()
    if kind not in CORPUS_KINDS:
        raise DocumentError(shown, f"`kind` is {kind!r}, expected one of {', '.join(CORPUS_KINDS)}",
                            line=2)
    company = str(meta["company"]).strip() if meta.get("company") else None
    tags = [tag.lower() for tag in _as_list(meta.get("tags"))]
    stages = [stage.lower() for stage in _as_list(meta.get("stage"))]
    fallback = str(meta.get("title") or path.stem)
    title, sections = split_sections(body, fallback)
    if meta.get("title"):
        title = str(meta["title"]).strip()
    passages = _passages_of(sections, doc_id=doc_id, title=title, lang=lang, kind=kind, tags=tags,
                            company=company, source_path=shown)
    if not passages:
        raise DocumentError(shown, "the document has no text under its headings")
    return Document(doc_id=doc_id, title=title, lang=lang, kind=kind, tags=tags, company=company,
                    stages=stages, source_path=shown, passages=passages)


USER_SUFFIXES = (".md", ".markdown", ".txt", ".text")
USER_MAX_CHARS = 1500  # user files may have huge sections; E5 reads ~512 tokens well


def user_id(raw: str) -> str:
    """User documents live beside the shipped ones: the prefix keeps their ids apart."""
    if not raw:
        return ""
    return raw if raw.startswith("user:") else f"user:{raw}"


def user_document_id(path: Path) -> str:
    slug = re.sub(r"[^\w.-]+", "-", path.stem.lower(), flags=re.UNICODE).strip("-") or "document"
    return f"user:{slug}"


def parse_user_document(path: Path, text: str, *, doc_id: str | None = None,
                        source_path: str | None = None) -> Document:
    """The user's own Markdown or text: front matter optional, headings optional.
    `doc_id` / `source_path` override what the file says (re-reading a stored copy)."""
    if path.suffix.lower() not in USER_SUFFIXES:
        raise DocumentError(path, f"unsupported file type {path.suffix or '(none)'!r}",
                            what_to_do="add Markdown (.md) or text (.txt) files")
    meta: dict[str, Any] = {}
    body = text
    if path.suffix.lower() in (".md", ".markdown"):
        meta, body, _ = split_front_matter(path, text)
    doc_id = doc_id or user_id(str(meta.get("id") or "").strip()) or user_document_id(path)
    shown = source_path or str(path)
    lang = str(meta.get("lang") or "").strip() or guess_language(body)
    if lang not in LANGUAGES:
        raise DocumentError(path, f"`lang` is {lang!r}, expected en or zh", line=2)
    tags = [tag.lower() for tag in _as_list(meta.get("tags"))]
    company = str(meta["company"]).strip() if meta.get("company") else None
    if path.suffix.lower() in (".md", ".markdown"):
        title, sections = split_sections(body, str(meta.get("title") or path.stem))
    else:
        title, sections = str(meta.get("title") or path.stem), [_Section(path=[], stage=None,
                                                                          lines=body.splitlines())]
    passages = _passages_of(sections, doc_id=doc_id, title=title, lang=lang, kind="user",
                            tags=tags, company=company, source_path=shown,
                            max_chars=USER_MAX_CHARS)
    if not passages:
        raise DocumentError(path, "the file is empty", what_to_do="add some text to it")
    return Document(doc_id=doc_id, title=title, lang=lang, kind="user", tags=tags, company=company,
                    stages=[], source_path=shown, passages=passages)


def corpus_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*.md") if path.name.lower() != "readme.md")


def load_corpus(root: Path, files: Iterable[Path] | None = None) -> CorpusLoad:
    """Every document under `root`; a bad one becomes an error and the rest still load."""
    result = CorpusLoad()
    owners: dict[str, str] = {}
    for path in files if files is not None else corpus_files(root):
        shown = _display(path, root)
        try:
            document = parse_knowledge_document(path, read_utf8(path), display_path=shown)
        except DocumentError as error:
            error.path = shown
            result.errors.append(error)
            continue
        except OSError as error:
            result.errors.append(DocumentError(shown, f"cannot read: {error.strerror or error}"))
            continue
        if document.doc_id in owners:
            result.errors.append(DocumentError(
                shown, f"duplicate id {document.doc_id!r}, already used by {owners[document.doc_id]}",
                line=2, what_to_do="give each document its own id"))
            continue
        owners[document.doc_id] = shown
        result.documents.append(document)
    return result


def _display(path: Path, root: Path) -> str:
    try:
        return str(Path(root.name) / path.relative_to(root))
    except ValueError:
        return str(path)
