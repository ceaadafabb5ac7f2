"""ChromaDB: the client (local folder or shared server) and incremental sync of one collection.

We always hand Chroma our own vectors and pass `embedding_function=None`: Chroma's default
embedding function downloads a model at first use, which this tool must never do.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from icp_coach.domain.knowledge import Passage

KNOWLEDGE_COLLECTION = "icp_coach_knowledge"
USER_COLLECTION = "icp_coach_user_documents"
FINGERPRINT_KEY = "icp_coach_fingerprint"
REVISION_KEY = "icp_coach_revision"  # changes on every write, so other readers know to reload
WRITE_BATCH = 64

Progress = Callable[[int, int], None]  # (passages embedded so far, passages to embed)


class IndexUnavailableError(Exception):
    """The Chroma server cannot be reached (exit code 3): names the URL and what to do."""


def _chroma_settings() -> Any:
    import chromadb

    return chromadb.Settings(anonymized_telemetry=False, allow_reset=True)


def open_persistent_client(path: Path) -> Any:
    import chromadb

    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=_chroma_settings())


def forget_persistent_client() -> None:
    """Chroma caches one system per folder; drop it before the folder is deleted and rebuilt."""
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()


def open_http_client(url: str) -> Any:
    import chromadb

    parsed = urlparse(url if "://" in url else f"http://{url}")
    if not parsed.hostname:
        raise IndexUnavailableError(f"ICP_COACH_CHROMA_URL={url!r} is not a URL: use "
                                    "http://HOST:PORT")
    ssl = parsed.scheme == "https"
    port = parsed.port or (443 if ssl else 8000)
    try:
        client = chromadb.HttpClient(host=parsed.hostname, port=port, ssl=ssl,
                                     settings=_chroma_settings())
        client.heartbeat()
    except Exception as error:  # chromadb raises ValueError/httpx errors depending on version
        raise IndexUnavailableError(
            f"cannot reach the Chroma server at {url} ({type(error).__name__}: {error}) - start "
            "it with `chroma run --host HOST --port PORT --path DIR`, or unset "
            "ICP_COACH_CHROMA_URL to use the local index") from None
    return client


def get_collection(client: Any, name: str) -> Any:
    return client.get_or_create_collection(
        name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}})


def embedded_text(passage: Passage) -> str:
    """What the model reads: the heading path gives a short section its context."""
    return f"{passage.section}\n{passage.text}" if passage.section else passage.text


def content_hash(passage: Passage, model_name: str) -> str:
    payload = json.dumps([model_name, embedded_text(passage), passage.model_dump(
        exclude={"id", "score", "text", "section"})], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def to_metadata(passage: Passage, digest: str, position: int) -> dict[str, Any]:
    # Chroma metadata values are scalars and never None: lists are joined, absences are "".
    return {
        "doc_id": passage.doc_id,
        "title": passage.title,
        "section": passage.section,
        "lang": passage.lang,
        "kind": passage.kind,
        "tags": ",".join(passage.tags),
        "company": passage.company or "",
        "company_key": (passage.company or "").lower(),
        "stage": passage.stage or "",
        "source_path": passage.source_path,
        "content_hash": digest,
        "position": position,
    }


def from_record(passage_id: str, document: str | None, metadata: dict[str, Any],
                score: float = 0.0) -> Passage:
    return Passage(
        id=passage_id,
        doc_id=str(metadata.get("doc_id", "")),
        title=str(metadata.get("title", "")),
        section=str(metadata.get("section", "")),
        text=document or "",
        lang=metadata.get("lang", "en"),
        kind=metadata.get("kind", "method"),
        tags=[tag for tag in str(metadata.get("tags", "")).split(",") if tag],
        company=metadata.get("company") or None,
        stage=metadata.get("stage") or None,
        source_path=str(metadata.get("source_path", "")),
        score=score,
    )


@dataclass(frozen=True)
class SyncReport:
    embedded: int = 0  # passages the model had to read
    reused: int = 0  # moved or renumbered passages whose vector was reused
    unchanged: int = 0
    removed: int = 0

    @property
    def total(self) -> int:
        return self.embedded + self.reused + self.unchanged


def sync_collection(collection: Any, passages: Sequence[Passage], embed: Callable[
        [list[str]], list[list[float]]], model_name: str, *, delete_missing: bool = True,
        progress: Progress | None = None,
        known_vectors: Mapping[str, list[float]] | None = None) -> SyncReport:
    """Make the collection hold exactly `passages` (or at least, if not `delete_missing`).

    A passage whose content hash is already stored under its id is left alone; one whose hash is
    stored under another id (a section moved) or is in `known_vectors` (the shipped prebuilt
    vectors) gets that vector; only new text is embedded.
    """
    stored = collection.get(include=["metadatas"])
    stored_hash = {pid: (meta or {}).get("content_hash") for pid, meta in
                   zip(stored["ids"], stored["metadatas"] or [], strict=False)}
    id_of_hash = {digest: pid for pid, digest in stored_hash.items() if digest}

    wanted = {passage.id for passage in passages}
    to_write: list[tuple[int, Passage, str]] = []
    unchanged = 0
    for position, passage in enumerate(passages):
        digest = content_hash(passage, model_name)
        if stored_hash.get(passage.id) == digest:
            unchanged += 1
        else:
            to_write.append((position, passage, digest))

    reusable = [id_of_hash[digest] for _, _, digest in to_write if digest in id_of_hash]
    vectors_by_hash: dict[str, list[float]] = {}
    if reusable:
        got = collection.get(ids=reusable, include=["embeddings", "metadatas"])
        for meta, vector in zip(got["metadatas"], got["embeddings"], strict=False):
            vectors_by_hash[meta["content_hash"]] = [float(value) for value in vector]
    if known_vectors:
        for _, _, digest in to_write:
            if digest not in vectors_by_hash and digest in known_vectors:
                vectors_by_hash[digest] = known_vectors[digest]

    fresh = [(position, passage, digest) for position, passage, digest in to_write
             if digest not in vectors_by_hash]
    if progress:
        progress(0, len(fresh))
    done = 0
    for start in range(0, len(fresh), WRITE_BATCH):
        batch = fresh[start:start + WRITE_BATCH]
        vectors = embed([embedded_text(passage) for _, passage, _ in batch])
        for (_, _, digest), vector in zip(batch, vectors, strict=True):
            vectors_by_hash[digest] = vector
        done += len(batch)
        if progress:
            progress(done, len(fresh))

    for start in range(0, len(to_write), WRITE_BATCH):
        batch = to_write[start:start + WRITE_BATCH]
        collection.upsert(
            ids=[passage.id for _, passage, _ in batch],
            embeddings=[vectors_by_hash[digest] for _, _, digest in batch],
            documents=[passage.text for _, passage, _ in batch],
            metadatas=[to_metadata(passage, digest, position) for position, passage, digest in batch],
        )

    stale = [pid for pid in stored_hash if pid not in wanted] if delete_missing else []
    for start in range(0, len(stale), 500):
        collection.delete(ids=stale[start:start + 500])
    return SyncReport(embedded=len(fresh), reused=len(to_write) - len(fresh), unchanged=unchanged,
                      removed=len(stale))


def all_passages(collection: Any) -> list[Passage]:
    got = collection.get(include=["documents", "metadatas"])
    rows = [from_record(pid, document, meta or {}) for pid, document, meta in zip(
        got["ids"], got["documents"] or [], got["metadatas"] or [], strict=False)]
    positions = {pid: (meta or {}).get("position", 0) for pid, meta in zip(
        got["ids"], got["metadatas"] or [], strict=False)}
    return sorted(rows, key=lambda passage: (passage.doc_id, positions[passage.id]))


def all_vectors(collection: Any) -> dict[str, list[float]]:
    got = collection.get(include=["embeddings"])
    embeddings = got["embeddings"] if got["embeddings"] is not None else []
    return {pid: [float(value) for value in vector]
            for pid, vector in zip(got["ids"], embeddings, strict=False)}


def where_clause(conditions: dict[str, str]) -> dict[str, Any] | None:
    if not conditions:
        return None
    parts = [{key: value} for key, value in conditions.items()]
    return parts[0] if len(parts) == 1 else {"$and": parts}


def all_doc_ids(collection: Any) -> set[str]:
    got = collection.get(include=["metadatas"])
    return {str((meta or {}).get("doc_id", "")) for meta in got["metadatas"] or []}


def mark_revision(collection: Any, **extra: str) -> str:
    """Record that the collection changed (merging into its metadata, which Chroma replaces)."""
    import uuid

    revision = uuid.uuid4().hex
    metadata = {key: value for key, value in (collection.metadata or {}).items()
                if not key.startswith("hnsw:")}
    metadata.update(extra)
    metadata[REVISION_KEY] = revision
    collection.modify(metadata=metadata)
    return revision


def revision_of(client: Any, name: str) -> str | None:
    metadata = client.get_collection(name, embedding_function=None).metadata or {}
    value = metadata.get(REVISION_KEY)
    return str(value) if value is not None else None
