"""Vectors of the shipped passages, computed once by us and shipped in the wheel.

Embedding the whole corpus takes minutes on a busy 2-core machine; with these, a first
`kb search` indexes in seconds. They are keyed by each passage's content hash (which includes the
model name and the exact text embedded), so an edited or new passage simply misses and is embedded
as usual: a stale file costs time, never correctness. Stored as float16 in a numpy .npz, no pickle.

Refresh after the corpus changes (the lead's release step):

    .venv/bin/python -m icp_coach.kb.prebuilt
"""

from __future__ import annotations

import argparse
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

PREBUILT_PATH = Path(__file__).resolve().parent / "prebuilt_vectors.npz"


@lru_cache(maxsize=4)
def load_prebuilt(path: Path = PREBUILT_PATH) -> dict[str, list[float]]:
    """content hash -> vector; empty when the file is missing or unreadable."""
    if not path.is_file():
        return {}
    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as data:
            hashes = [str(value) for value in data["hashes"]]
            vectors = data["vectors"].astype(np.float32)
    except (OSError, ValueError, KeyError):
        return {}
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms == 0, 1.0, norms)  # undo float16 rounding of the length
    return dict(zip(hashes, vectors.tolist(), strict=True))


def write_prebuilt(collection: Any, path: Path = PREBUILT_PATH) -> int:
    """Dump the vectors of an indexed knowledge collection; returns how many were written."""
    import numpy as np

    got = collection.get(include=["embeddings", "metadatas"])
    pairs = sorted((meta["content_hash"], vector) for meta, vector in zip(
        got["metadatas"], got["embeddings"], strict=True))
    hashes = np.array([digest for digest, _ in pairs], dtype="<U32")
    vectors = np.array([vector for _, vector in pairs], dtype=np.float16)
    temporary = path.with_suffix(".tmp.npz")
    np.savez_compressed(temporary, hashes=hashes, vectors=vectors)
    temporary.replace(path)
    load_prebuilt.cache_clear()
    return len(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description="Refresh the shipped passage vectors.")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="an index folder to reuse (default: a temporary one)")
    args = parser.parse_args()

    from icp_coach import paths
    from icp_coach.embeddings import BundledEmbedder
    from icp_coach.kb import store
    from icp_coach.kb.knowledge_base import KnowledgeBase

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="icp-coach-prebuilt-"))
    kb = KnowledgeBase(embedder=BundledEmbedder(), corpus_dir=paths.shipped_dir("knowledge"),
                       chroma_dir=data_dir / "chroma", chroma_url=None,
                       user_dir=data_dir / "user_documents")
    report = kb.index()
    if report.errors:
        raise SystemExit("fix these documents first:\n" + "\n".join(map(str, report.errors)))
    written = write_prebuilt(store.get_collection(kb._connect(), store.KNOWLEDGE_COLLECTION))
    print(f"wrote {written} vectors to {PREBUILT_PATH} ({PREBUILT_PATH.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
