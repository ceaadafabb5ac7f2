"""The knowledge base the coach cites: shipped documents plus the user's own, searchable together.

`KnowledgeBase.open(settings, embedder=...)` is the one way in (bootstrap uses it). Nothing is
read or built until the first call; the index is built on first use when missing, refreshed when
the shipped documents changed, and rebuilt (with a message, not a traceback) when unreadable.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from icp_coach import paths
from icp_coach.domain.knowledge import Passage, SearchFilters
from icp_coach.kb import store
from icp_coach.kb.documents import (
    USER_SUFFIXES,
    CorpusLoad,
    Document,
    DocumentError,
    corpus_files,
    guess_language,
    load_corpus,
    parse_user_document,
    read_utf8,
    user_id,
)
from icp_coach.kb.fusion import reciprocal_rank_fusion
from icp_coach.kb.keyword_index import KeywordIndex
from icp_coach.kb.prebuilt import PREBUILT_PATH, load_prebuilt
from icp_coach.kb.snapshot import (
    SearchSnapshot,
    index_key,
    load_snapshot,
    rank_by_vector,
    save_snapshot,
    snapshot_path,
)
from icp_coach.kb.store import IndexUnavailableError, SyncReport
from icp_coach.kb.user_library import UserDocumentRecord, UserLibrary

SearchMode = Literal["hybrid", "vector", "keyword"]
INDEX_FORMAT = "2"  # bump when passages or metadata change shape: forces a re-index
Notify = Callable[[str], None]
CORPUS_ENV = "ICP_COACH_KNOWLEDGE_DIR"  # index this folder instead of the shipped knowledge/
KEYWORD_WEIGHT = 0.7  # weight of the BM25 list against the vector list in rank fusion
# Weight of the ranking by document tags, used when the query's words cannot meet the passages'
# (a query in one language, passages asked for in the other).
TAG_WEIGHT = 0.5


MESSAGES: dict[str, dict[str, str]] = {
    "building": {"en": "Building the knowledge index in {where} (first use)...",
                 "zh": "首次使用：正在 {where} 建立知识库索引……"},
    "changed": {"en": "The knowledge documents changed; updating the index...",
                "zh": "知识文档有变化，正在更新索引……"},
    "indexed": {"en": "Indexed {passages} passages from {documents} documents in {seconds:.1f} s.",
                "zh": "已索引 {documents} 篇文档中的 {passages} 个段落，用时 {seconds:.1f} 秒。"},
    "skipped": {"en": "skipped {error}", "zh": "已跳过 {error}"},
    "unreadable": {"en": "The knowledge index in {where} cannot be read ({detail}); rebuilding it.",
                   "zh": "{where} 中的知识库索引无法读取（{detail}），正在重建。"},
    "empty": {"en": "No knowledge documents found in {where}.",
              "zh": "在 {where} 中没有找到知识文档。"},
}


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class IndexReport:
    documents: int
    passages: int
    sync: SyncReport
    errors: list[DocumentError] = field(default_factory=list)
    seconds: float = 0.0
    user_documents: int = 0


@dataclass
class AddReport:
    added: list[UserDocumentRecord] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)


def _is_rust_panic(error: BaseException) -> bool:
    # chromadb's Rust core raises pyo3's PanicException (a BaseException) on a damaged folder.
    return type(error).__name__ == "PanicException"


class KnowledgeBase:
    """Implements the KnowledgeSearch port (domain/ports.py)."""

    def __init__(self, *, embedder: Any, corpus_dir: Path, chroma_dir: Path | None,
                 chroma_url: str | None, user_dir: Path, notify: Notify = _to_stderr,
                 mode: SearchMode = "hybrid", keyword_weight: float = KEYWORD_WEIGHT,
                 balance_languages: bool = True, refresh_seconds: float = 5.0,
                 prebuilt: Path | None = PREBUILT_PATH, language: str = "en") -> None:
        self.language = language if language in ("en", "zh") else "en"
        self.prebuilt = prebuilt  # shipped vectors of the shipped passages (None: embed all)
        self.refresh_seconds = refresh_seconds
        self.keyword_weight = keyword_weight
        self.balance_languages = balance_languages
        self.embedder = embedder
        self.corpus_dir = corpus_dir
        self.chroma_dir = chroma_dir
        self.chroma_url = chroma_url
        self.library = UserLibrary(user_dir)
        self.notify = notify
        self.mode = mode
        self.last_errors: list[DocumentError] = []
        self._client: Any = None
        self._ready = False
        self._passages: list[Passage] = []
        self._by_id: dict[str, Passage] = {}
        self._keywords: KeywordIndex | None = None
        self._tags: KeywordIndex | None = None
        self._counts: dict[str, int] = {}
        self._lock = threading.RLock()
        self._query_cache: dict[str, list[float]] = {}
        self._collections: dict[str, Any] = {}
        self._revisions: tuple[str | None, ...] = ()
        self._checked_at = 0.0
        self._snapshot: SearchSnapshot | None = None  # searching without opening Chroma
        self._snapshot_key = ""

    @classmethod
    def open(cls, settings: Any, embedder: Any = None, *, corpus_dir: Path | None = None,
             notify: Notify | None = None, mode: SearchMode = "hybrid",
             refresh_seconds: float = 5.0,
             prebuilt: Path | None = PREBUILT_PATH) -> KnowledgeBase:
        if embedder is None:
            from icp_coach.embeddings import BundledEmbedder

            embedder = BundledEmbedder()
        data_dir = Path(settings.data_dir) if getattr(settings, "data_dir", None) else paths.data_dir()
        return cls(
            embedder=embedder,
            corpus_dir=corpus_dir or _corpus_dir(),
            chroma_dir=None if settings.chroma_url else data_dir / "chroma",
            chroma_url=settings.chroma_url,
            user_dir=data_dir / "user_documents",
            notify=notify or _to_stderr,
            mode=mode,
            refresh_seconds=refresh_seconds,
            prebuilt=prebuilt,
            language=getattr(settings, "language", "en"),
        )

    def _say(self, key: str, **values: Any) -> None:
        self.notify(MESSAGES[key][self.language].format(**values))

    # --- where the index lives -------------------------------------------------------------
    @property
    def location(self) -> str:
        return self.chroma_url or str(self.chroma_dir)

    @property
    def model_name(self) -> str:
        return str(getattr(self.embedder, "name", type(self.embedder).__name__))

    def _connect(self) -> Any:
        if self._client is None:
            if self.chroma_url:
                self._client = store.open_http_client(self.chroma_url)
            else:
                assert self.chroma_dir is not None
                self._client = store.open_persistent_client(self.chroma_dir)
        return self._client

    def _collection(self, name: str) -> Any:
        if name not in self._collections:
            self._collections[name] = store.get_collection(self._connect(), name)
        return self._collections[name]

    def _current_revisions(self) -> tuple[str | None, ...]:
        client = self._connect()
        return tuple(store.revision_of(client, name)
                     for name in (store.KNOWLEDGE_COLLECTION, store.USER_COLLECTION))

    def _with_recovery(self, action: Callable[[], Any]) -> Any:
        """Run an index operation; a damaged local index is wiped and rebuilt once."""
        try:
            return action()
        except IndexUnavailableError:
            raise
        except BaseException as error:
            if isinstance(error, KeyboardInterrupt | SystemExit):
                raise
            if not isinstance(error, Exception) and not _is_rust_panic(error):
                raise
            if self.chroma_url:  # a shared index is never wiped from here: say what failed
                raise IndexUnavailableError(
                    f"the Chroma server at {self.chroma_url} failed ({type(error).__name__}: "
                    f"{str(error)[:200]}) - check that it is running, or unset "
                    "ICP_COACH_CHROMA_URL to use the local index") from None
            self._say("unreadable", where=self.chroma_dir,
                      detail=f"{type(error).__name__}: {str(error)[:200]}")
            self._wipe_local_index()
            self._ensure_index()  # rebuild first: the action may be a search needing the index
            return action()

    def _wipe_local_index(self) -> None:
        self._snapshot = None
        self._client = None
        self._collections.clear()
        self._ready = False
        store.forget_persistent_client()
        if self.chroma_dir is not None and self.chroma_dir.exists():
            shutil.rmtree(self.chroma_dir, ignore_errors=True)

    # --- indexing --------------------------------------------------------------------------
    def _fingerprint(self, files: Sequence[Path]) -> str:
        digest = hashlib.sha256(f"{INDEX_FORMAT}|{self.model_name}".encode())
        for path in files:
            digest.update(str(path.relative_to(self.corpus_dir)).encode("utf-8", "replace"))
            digest.update(path.read_bytes())
        return digest.hexdigest()[:32]

    def index(self, *, rebuild: bool = False,
              progress: store.Progress | None = None) -> IndexReport:
        """Bring the index in line with the shipped documents (and the user's stored copies)."""
        with self._lock:
            return self._with_recovery(lambda: self._index(rebuild=rebuild, progress=progress))

    def _index(self, *, rebuild: bool, progress: store.Progress | None) -> IndexReport:
        started = time.perf_counter()
        files = corpus_files(self.corpus_dir) if self.corpus_dir.is_dir() else []
        if not files:
            self._say("empty", where=self.corpus_dir)
        corpus: CorpusLoad = load_corpus(self.corpus_dir, files)
        self.last_errors = list(corpus.errors)
        client = self._connect()
        if rebuild:
            for name in (store.KNOWLEDGE_COLLECTION, store.USER_COLLECTION):
                if name in {getattr(c, "name", c) for c in client.list_collections()}:
                    client.delete_collection(name)
            self._collections.clear()
        knowledge = self._collection(store.KNOWLEDGE_COLLECTION)
        report = store.sync_collection(
            knowledge, corpus.passages, self.embedder.embed_passages, self.model_name,
            progress=progress, known_vectors=load_prebuilt(self.prebuilt) if self.prebuilt else None)
        # A corpus with broken files is not marked fresh: the next run retries and reports them.
        fingerprint = self._fingerprint(files) if not corpus.errors else "incomplete"
        stored = (knowledge.metadata or {}).get(store.FINGERPRINT_KEY)
        if report.embedded or report.reused or report.removed or stored != fingerprint:
            store.mark_revision(knowledge, **{store.FINGERPRINT_KEY: fingerprint})
        user_documents = self._sync_user_copies(rebuild=rebuild)
        self._ready = False
        self._load_memory()
        return IndexReport(documents=len(corpus.documents), passages=len(corpus.passages),
                           sync=report, errors=corpus.errors,
                           seconds=time.perf_counter() - started, user_documents=user_documents)

    def _sync_user_copies(self, *, rebuild: bool) -> int:
        """Re-index the stored copies of the user's documents that the collection lacks."""
        collection = self._collection(store.USER_COLLECTION)
        records = self.library.records()
        if not records:
            return 0
        present = set(store.all_doc_ids(collection))
        documents = []
        for record in records:
            if record.doc_id in present and not rebuild:
                continue
            try:
                documents.append(self._parse_copy(record))
            except DocumentError as error:
                self.last_errors.append(error)
        if documents:
            store.sync_collection(collection, [p for d in documents for p in d.passages],
                                  self.embedder.embed_passages, self.model_name,
                                  delete_missing=False)
            store.mark_revision(collection)
        return len(records)

    def _parse_copy(self, record: UserDocumentRecord) -> Document:
        copy = self.library.copy_path(record)
        return parse_user_document(copy, read_utf8(copy), doc_id=record.doc_id,
                                   source_path=record.source_path)

    def ensure_index(self) -> None:
        """Build the index when missing, refresh it when the shipped documents changed, and
        reload what is held in memory when another process (or team-mate) changed the index."""
        if self._ready:
            if time.monotonic() - self._checked_at < self.refresh_seconds:
                return
            with self._lock:
                self._checked_at = time.monotonic()
                if self._snapshot is not None:
                    if self._local_index_key() == self._snapshot_key:
                        return
                elif self._with_recovery(self._current_revisions) == self._revisions:
                    return
                self._ready = False
                self._snapshot = None
                self._collections.clear()  # their metadata snapshots are stale
        with self._lock:
            if not self._ready and not self._load_from_snapshot():
                self._with_recovery(self._ensure_index)

    # --- the read snapshot (local index only) ----------------------------------------------
    def _local_index_key(self) -> str:
        assert self.chroma_dir is not None
        files = corpus_files(self.corpus_dir) if self.corpus_dir.is_dir() else []
        return index_key(self.chroma_dir, self._fingerprint(files), self.library.manifest_path)

    def _load_from_snapshot(self) -> bool:
        """Use the snapshot of the local index when it matches the index on disk (no Chroma)."""
        if self.chroma_dir is None:
            return False
        key = self._local_index_key()
        snapshot = load_snapshot(snapshot_path(self.chroma_dir), key)
        if snapshot is None:
            return False
        self._set_memory(snapshot.passages)
        self._snapshot, self._snapshot_key = snapshot, key
        self._checked_at = time.monotonic()
        self._ready = True
        return True

    def _write_snapshot(self) -> None:
        import numpy as np

        if self.chroma_dir is None or not self._passages:
            return
        vectors: dict[str, list[float]] = {}
        for name in (store.KNOWLEDGE_COLLECTION, store.USER_COLLECTION):
            if self._counts.get(name):
                vectors.update(store.all_vectors(self._collection(name)))
        if any(passage.id not in vectors for passage in self._passages):
            return
        matrix = np.asarray([vectors[passage.id] for passage in self._passages], dtype=np.float32)
        save_snapshot(snapshot_path(self.chroma_dir), SearchSnapshot(self._passages, matrix),
                      self._local_index_key())

    def _ensure_index(self) -> None:
        knowledge = self._collection(store.KNOWLEDGE_COLLECTION)
        files = corpus_files(self.corpus_dir) if self.corpus_dir.is_dir() else []
        stored = (knowledge.metadata or {}).get(store.FINGERPRINT_KEY)
        if knowledge.count() == 0:
            self._say("building", where=self.location)
        elif stored != self._fingerprint(files):
            self._say("changed")
        else:
            self._load_memory()
            return
        report = self._index(rebuild=False, progress=None)
        for error in report.errors:
            self._say("skipped", error=error)
        self._say("indexed", passages=report.passages, documents=report.documents,
                  seconds=report.seconds)

    def _load_memory(self) -> None:
        """Passages held in memory for keyword ranking and filters (hundreds, not millions)."""
        passages: list[Passage] = []
        for name in (store.KNOWLEDGE_COLLECTION, store.USER_COLLECTION):
            collection_passages = store.all_passages(self._collection(name))
            self._counts[name] = len(collection_passages)
            passages.extend(collection_passages)
        self._set_memory(passages)
        self._snapshot = None
        self._revisions = self._current_revisions()
        self._checked_at = time.monotonic()
        self._ready = True
        self._write_snapshot()

    def _set_memory(self, passages: list[Passage]) -> None:
        self._passages = passages
        self._by_id = {passage.id: passage for passage in passages}
        self._keywords = KeywordIndex([store.embedded_text(p) for p in passages])
        # Tags are written in English in both languages' documents: they let a query in one
        # language find a document of the other when its words cannot ("tiers" -> 账户分层).
        self._tags = KeywordIndex([" ".join([*p.tags, p.title]) for p in passages])

    # --- search ----------------------------------------------------------------------------
    def search(self, query: str, k: int = 5,
               filters: SearchFilters | None = None) -> list[Passage]:
        """The k passages that best answer `query`, best first, each with its score."""
        if not query.strip() or k <= 0:
            return []
        self.ensure_index()
        filters = filters or SearchFilters()
        depth = max(4 * k, 20)
        if filters.lang or not self.balance_languages:
            # A language asked for explicitly may not be the query's: then the documents' tags
            # (English in both languages) stand in for the words that cannot match.
            ranked = self._ranked(query, filters, depth, use_tags=bool(filters.lang))
        else:
            # Both languages, the query's own first: a Chinese question also gets the English
            # passages on the same subject (and the reverse), whatever the other ranking says.
            own = guess_language(query)
            other = "en" if own == "zh" else "zh"
            ranked = _interleave(self._ranked(query, filters.model_copy(update={"lang": own}), depth),
                                 self._ranked(query, filters.model_copy(update={"lang": other}),
                                              depth))
        chosen = [(pid, score) for pid, score in ranked if pid in self._by_id][:k]
        # The interleave chose which passages (both languages); they are shown best first by
        # their fused rank score, so scores fall with rank whichever way they were chosen.
        chosen.sort(key=lambda pair: -pair[1])
        return [self._by_id[pid].model_copy(update={"score": round(score, 4)})
                for pid, score in chosen]

    def _ranked(self, query: str, filters: SearchFilters, depth: int,
                use_tags: bool = False) -> list[tuple[str, float]]:
        rankings: list[list[str]] = []
        weights: list[float] = []
        if self.mode in ("hybrid", "vector"):
            rankings.append(self._with_recovery(lambda: self._vector_ranking(query, filters, depth)))
            weights.append(1.0)
        if self.mode in ("hybrid", "keyword") and self._keywords_apply(query, filters):
            rankings.append(self._keyword_ranking(self._keywords, query, filters, depth))
            weights.append(self.keyword_weight if self.mode == "hybrid" else 1.0)
        if use_tags and self.mode == "hybrid" and not self._keywords_apply(query, filters):
            rankings.append(self._keyword_ranking(self._tags, query, filters, depth))
            weights.append(TAG_WEIGHT)
        # Scores on one scale whichever rankings applied: 1.0 means first in every ranking the
        # mode has (vector and keywords in hybrid), so two languages' lists can be compared.
        full = 1.0 + self.keyword_weight if self.mode == "hybrid" else 1.0
        scale = sum(weights) / full
        return [(pid, score * scale)
                for pid, score in reciprocal_rank_fusion(rankings, weights=weights)]

    def _query_vector(self, query: str) -> list[float]:
        vector = self._query_cache.get(query)
        if vector is None:
            vector = self.embedder.embed_queries([query])[0]
            if len(self._query_cache) > 256:
                self._query_cache.clear()
            self._query_cache[query] = vector
        return vector

    def _vector_ranking(self, query: str, filters: SearchFilters, depth: int) -> list[str]:
        vector = self._query_vector(query)
        if self._snapshot is not None:
            import numpy as np

            allowed = np.array([_matches(p, filters) for p in self._snapshot.passages], dtype=bool)
            return rank_by_vector(self._snapshot, vector, allowed, depth)
        where = store.where_clause(_conditions(filters))
        hits: list[tuple[float, str]] = []
        for name in (store.KNOWLEDGE_COLLECTION, store.USER_COLLECTION):
            available = self._counts.get(name, 0)
            if not available:
                continue
            result = self._collection(name).query(
                query_embeddings=[vector], n_results=min(depth, available), where=where,
                include=["distances"])
            hits.extend(zip(result["distances"][0], result["ids"][0], strict=True))
        hits.sort()
        return [pid for _, pid in hits[:depth]]

    def _keywords_apply(self, query: str, filters: SearchFilters) -> bool:
        """Words only match words: a Chinese query searched in English passages (or the reverse)
        would match on stray shared terms like "ICP", which only adds noise to the fusion."""
        return self.mode == "keyword" or not filters.lang or guess_language(query) == filters.lang

    def _keyword_ranking(self, index: KeywordIndex | None, query: str, filters: SearchFilters,
                         depth: int) -> list[str]:
        if index is None:
            return []
        scores = index.scores(query)
        ranked = sorted(scores.items(), key=lambda pair: -pair[1])
        result = []
        for position, _ in ranked:
            passage = self._passages[position]
            if _matches(passage, filters):
                result.append(passage.id)
                if len(result) >= depth:
                    break
        return result

    # --- the user's own documents ----------------------------------------------------------
    def add_documents(self, files: Iterable[Path]) -> AddReport:
        """Index the user's Markdown / text files; a bad file is reported, the others added."""
        report = AddReport()
        parsed: list[tuple[Path, str, Document]] = []
        for path in _expand(files):
            try:
                if not path.is_file():
                    raise DocumentError(path, "no such file", what_to_do="check the path")
                text = read_utf8(path)
                parsed.append((path, text, parse_user_document(path, text)))
            except DocumentError as error:
                report.errors.append(error)
            except OSError as error:
                report.errors.append(DocumentError(path, f"cannot read: {error.strerror or error}"))
        if not parsed:
            return report
        with self._lock:
            self.ensure_index()

            def write() -> None:
                collection = self._collection(store.USER_COLLECTION)
                for _, _, document in parsed:
                    collection.delete(where={"doc_id": document.doc_id})
                store.sync_collection(collection, [p for _, _, d in parsed for p in d.passages],
                                      self.embedder.embed_passages, self.model_name,
                                      delete_missing=False)

            self._with_recovery(write)
            store.mark_revision(self._collection(store.USER_COLLECTION))
            for path, text, document in parsed:
                report.added.append(self.library.store(
                    doc_id=document.doc_id, title=document.title, lang=document.lang,
                    source=path.resolve(), text=text, passages=len(document.passages)))
            self._load_memory()
        return report

    def list_documents(self) -> list[UserDocumentRecord]:
        return sorted(self.library.records(), key=lambda record: record.doc_id)

    def remove_documents(self, doc_ids: Iterable[str]) -> tuple[list[str], list[str]]:
        """Remove by id; returns (removed, unknown)."""
        removed: list[str] = []
        unknown: list[str] = []
        with self._lock:
            self.ensure_index()
            collection = self._collection(store.USER_COLLECTION)
            for given in doc_ids:
                doc_id = user_id(given.strip())  # "win-loss" and "user:win-loss" both work
                record = self.library.remove(doc_id)
                present = bool(collection.get(where={"doc_id": doc_id}, include=[])["ids"])
                if present:
                    collection.delete(where={"doc_id": doc_id})
                if record or present:
                    removed.append(doc_id)
                else:
                    unknown.append(given)
            if removed:
                store.mark_revision(collection)
            self._load_memory()
        return removed, unknown


def _corpus_dir() -> Path:
    """The shipped documents, or a team's own folder of documents in the same format."""
    return paths.knowledge_dir() or paths.shipped_dir("knowledge")  # env, then config file


def _conditions(filters: SearchFilters) -> dict[str, str]:
    conditions: dict[str, str] = {}
    if filters.lang:
        conditions["lang"] = filters.lang
    if filters.kind:
        conditions["kind"] = filters.kind
    if filters.company:
        conditions["company_key"] = filters.company.strip().lower()
    if filters.stage:
        conditions["stage"] = filters.stage.strip().lower()
    return conditions


def _matches(passage: Passage, filters: SearchFilters) -> bool:
    if filters.lang and passage.lang != filters.lang:
        return False
    if filters.kind and passage.kind != filters.kind:
        return False
    if filters.company and (passage.company or "").lower() != filters.company.strip().lower():
        return False
    return not (filters.stage and (passage.stage or "") != filters.stage.strip().lower())


def _interleave(first: list[tuple[str, float]],
                second: list[tuple[str, float]]) -> list[tuple[str, float]]:
    merged: list[tuple[str, float]] = []
    for index in range(max(len(first), len(second))):
        merged.extend(ranking[index] for ranking in (first, second) if index < len(ranking))
    return merged


def _expand(files: Iterable[Path]) -> list[Path]:
    """Folders are expanded to the Markdown and text files they hold."""
    result: list[Path] = []
    for path in files:
        if path.is_dir():
            result.extend(sorted(child for child in path.rglob("*")
                                 if child.is_file() and child.suffix.lower() in USER_SUFFIXES))
        else:
            result.append(path)
    return result
