"""The user's own documents: a copy of each added file plus a manifest, in the data dir.

The copies make the user collection rebuildable: if the index is lost or corrupt, or rebuilt with
`--rebuild`, nothing the user added is lost.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class UserDocumentRecord:
    doc_id: str
    title: str
    lang: str
    source_path: str  # where the user's file was when added
    copy_name: str  # the stored copy, inside the library folder
    passages: int
    added_at: str


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


class UserLibrary:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def manifest_path(self) -> Path:
        return self.folder / MANIFEST

    def records(self) -> list[UserDocumentRecord]:
        manifest = self.folder / MANIFEST
        if not manifest.is_file():
            return []
        try:
            raw = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []  # an unreadable manifest loses the list, never the copies themselves
        records = []
        for item in raw.get("documents", []):
            with contextlib.suppress(TypeError):
                records.append(UserDocumentRecord(**item))
        return records

    def _save(self, records: list[UserDocumentRecord]) -> None:
        data = {"version": 1, "documents": [asdict(record) for record in records]}
        _write_atomic(self.folder / MANIFEST,
                      json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"))

    def copy_path(self, record: UserDocumentRecord) -> Path:
        return self.folder / record.copy_name

    def store(self, *, doc_id: str, title: str, lang: str, source: Path, text: str,
              passages: int) -> UserDocumentRecord:
        digest = hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:16]
        record = UserDocumentRecord(
            doc_id=doc_id, title=title, lang=lang, source_path=str(source),
            copy_name=f"{digest}{source.suffix.lower()}", passages=passages,
            added_at=datetime.now(UTC).isoformat(timespec="seconds"))
        _write_atomic(self.folder / record.copy_name, text.encode("utf-8"))
        others = [existing for existing in self.records() if existing.doc_id != doc_id]
        self._save([*others, record])
        return record

    def remove(self, doc_id: str) -> UserDocumentRecord | None:
        records = self.records()
        found = next((record for record in records if record.doc_id == doc_id), None)
        if found is None:
            return None
        self._save([record for record in records if record.doc_id != doc_id])
        with contextlib.suppress(OSError):
            self.copy_path(found).unlink()
        return found
