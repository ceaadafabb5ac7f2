"""Reading ICP documents from JSON files with errors a person can act on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from icp_coach.domain.icp import SUPPORTED_SCHEMA_VERSIONS, ICPDocument
from icp_coach.storage.atomic import write_text_atomic


class InputFileError(Exception):
    """A problem in a file the user gave (exit code 1). The message names file, line and field."""


def read_text_file(path: str | Path) -> str:
    source = Path(path)
    if not source.exists():
        raise InputFileError(f"{source}: no such file")
    if source.is_dir():
        raise InputFileError(f"{source}: is a folder, expected a file")
    raw = source.read_bytes()
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputFileError(
            f"{source}:{line}: not UTF-8 text (byte {error.start}); save the file as UTF-8 and retry"
        ) from error


def _refuse_constant(name: str) -> Any:
    """NaN and Infinity are not JSON (Python's reader takes them): a bound of NaN is no bound."""
    raise ValueError(f"{name} is not a JSON number; write a number or null")


def read_json_file(path: str | Path) -> Any:
    text = read_text_file(path)
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise InputFileError(
            f"{path}:{error.lineno}:{error.colno}: invalid JSON: {error.msg}"
        ) from error
    except ValueError as error:  # NaN / Infinity
        raise InputFileError(f"{path}: invalid JSON: {error}") from error
    except RecursionError:
        raise InputFileError(f"{path}: the JSON is nested too deeply to be an ICP document or "
                             "result; check that it is the file you meant") from None


def describe_validation_error(source: str, error: ValidationError) -> str:
    lines = [f"{source}: {error.error_count()} problem(s) with the ICP document:"]
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"]) or "(document)"
        given = item.get("input")
        shown = "" if isinstance(given, dict | list) else f" (got {given!r})"
        lines.append(f"  - {location}: {item['msg']}{shown}")
    return "\n".join(lines)


def icp_from_data(data: Any, source: str = "<data>") -> ICPDocument:
    if not isinstance(data, dict):
        raise InputFileError(f"{source}: expected a JSON object for an ICP document")
    version = data.get("schema_version", 1)
    if version not in SUPPORTED_SCHEMA_VERSIONS:
        supported = ", ".join(str(v) for v in SUPPORTED_SCHEMA_VERSIONS)
        raise InputFileError(
            f"{source}: schema_version {version!r} is not supported; this icp-coach reads "
            f"version(s) {supported}. Upgrade icp-coach or convert the file."
        )
    try:
        return ICPDocument.model_validate(data)
    except ValidationError as error:
        raise InputFileError(describe_validation_error(source, error)) from error


def load_icp(path: str | Path) -> ICPDocument:
    return icp_from_data(read_json_file(path), str(path))


def icp_to_json(doc: ICPDocument) -> str:
    return doc.model_dump_json(indent=2, exclude_none=False) + "\n"


def save_icp(doc: ICPDocument, path: str | Path) -> Path:
    return write_text_atomic(path, icp_to_json(doc))
