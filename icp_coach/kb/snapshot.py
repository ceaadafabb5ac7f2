"""A read snapshot of the local index: what a search needs, loadable without chromadb.

Chroma stays the store of record: every write (indexing, `kb add`, `kb remove`) goes through it.
Importing chromadb and opening its folder costs most of a one-shot `icp-coach kb search` (about
0.5-1 s of a 2-core machine), while the search itself needs only a few hundred passages and their
vectors. So after the index is loaded, its passages and vectors are also written here, keyed by
the files that make the index what it is: the corpus fingerprint, the Chroma database file (its
size and modification time change on every write) and the user library's manifest. A snapshot
whose key does not match is ignored and rewritten by the next full load: it can go stale, never
wrong.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from icp_coach.domain.knowledge import Passage

SNAPSHOT_NAME = "icp-coach-search-snapshot.npz"
FORMAT = 1
# The files whose change means the index changed (Chroma's database and its write-ahead log).
_CHROMA_FILES = ("chroma.sqlite3", "chroma.sqlite3-wal")


@dataclass(frozen=True)
class SearchSnapshot:
    passages: list[Passage]
    vectors: np.ndarray  # (passages, dimensions), unit rows, in the order of `passages`


def snapshot_path(chroma_dir: Path) -> Path:
    return chroma_dir / SNAPSHOT_NAME


def index_key(chroma_dir: Path, corpus_fingerprint: str, manifest: Path) -> str:
    """What the snapshot must match to be used: cheap to compute (a few stat calls)."""
    parts = [f"format={FORMAT}", f"corpus={corpus_fingerprint}"]
    for name in _CHROMA_FILES:
        parts.append(f"{name}={_stat(chroma_dir / name)}")
    parts.append(f"manifest={_stat(manifest)}")
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def _stat(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return "-"
    return f"{info.st_size}:{info.st_mtime_ns}"


def save_snapshot(path: Path, snapshot: SearchSnapshot, key: str) -> None:
    """Write atomically; a snapshot that cannot be written is simply not there next time."""
    header = {"format": FORMAT, "key": key,
              "passages": [passage.model_dump(exclude={"score"}) for passage in snapshot.passages]}
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as handle:
            np.savez(handle, vectors=snapshot.vectors.astype(np.float32),
                     header=np.frombuffer(json.dumps(header, ensure_ascii=False).encode("utf-8"),
                                          dtype=np.uint8))
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)


def load_snapshot(path: Path, key: str) -> SearchSnapshot | None:
    """The snapshot at `path` if it was written for `key`, else None (never raises on a bad file)."""
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            header = json.loads(bytes(data["header"]).decode("utf-8"))
            if header.get("format") != FORMAT or header.get("key") != key:
                return None
            vectors = np.asarray(data["vectors"], dtype=np.float32)
        passages = [Passage.model_validate(row) for row in header["passages"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if vectors.ndim != 2 or len(passages) != vectors.shape[0]:
        return None
    return SearchSnapshot(passages=passages, vectors=vectors)


def rank_by_vector(snapshot: SearchSnapshot, query_vector: list[float],
                   allowed: np.ndarray, depth: int) -> list[str]:
    """Passage ids by cosine similarity to the query (exact, over the passages `allowed`)."""
    if not len(snapshot.passages):
        return []
    scores = snapshot.vectors @ np.asarray(query_vector, dtype=np.float32)
    scores = np.where(allowed, scores, -np.inf)
    count = min(depth, int(allowed.sum()))
    if count <= 0:
        return []
    top = np.argpartition(-scores, count - 1)[:count]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [snapshot.passages[int(i)].id for i in top]
