"""A linear classification head: multinomial logistic regression over dense features.

The offline engine classifies sentences and clauses with a small head on top of features that
carry across domains (sentence embeddings from the bundled model, cue counts, negation, person,
the interviewer's preceding question type...). The head is trained offline by a script in
`training/`, stored as an `.npz` file inside the package and loaded with numpy only: no pickle,
no model download, nothing heavier than numpy and scipy at run time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

FORMAT_VERSION = 1


@dataclass(frozen=True)
class LinearHead:
    """Softmax regression: ``p(class | x) = softmax(((x - mean) / scale) @ weights + bias)``."""

    classes: tuple[str, ...]
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)
    mean: np.ndarray  # (features,) standardisation learned on the training set
    scale: np.ndarray  # (features,)
    feature_names: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def n_features(self) -> int:
        return int(self.weights.shape[0])

    def logits(self, features: np.ndarray) -> np.ndarray:
        x = np.atleast_2d(np.asarray(features, dtype=np.float32))
        if x.shape[1] != self.n_features:
            raise ValueError(f"the head expects {self.n_features} features, got {x.shape[1]}")
        return ((x - self.mean) / self.scale) @ self.weights + self.bias

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        return _softmax(self.logits(features))

    def predict(self, features: np.ndarray) -> list[tuple[str, float]]:
        """The most likely class and its probability, per row."""
        probabilities = self.predict_proba(features)
        best = probabilities.argmax(axis=1)
        return [(self.classes[int(i)], float(probabilities[row, i])) for row, i in enumerate(best)]

    def save(self, path: Path) -> None:
        """Write the head as a compressed `.npz` (numpy arrays and a JSON header; no pickle)."""
        header = {"format": FORMAT_VERSION, "classes": list(self.classes),
                  "feature_names": list(self.feature_names), "meta": self.meta}
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        with partial.open("wb") as handle:
            np.savez_compressed(handle, weights=self.weights.astype(np.float32),
                                bias=self.bias.astype(np.float32),
                                mean=self.mean.astype(np.float32),
                                scale=self.scale.astype(np.float32),
                                header=np.frombuffer(json.dumps(header).encode("utf-8"),
                                                     dtype=np.uint8))
        partial.replace(path)

    @classmethod
    def load(cls, path: Path | Any) -> LinearHead:
        """Read a head written by `save` (a path or a binary file object, e.g. from resources)."""
        with np.load(path, allow_pickle=False) as data:
            header = json.loads(bytes(data["header"]).decode("utf-8"))
            if header.get("format") != FORMAT_VERSION:
                raise ValueError(f"unknown head format {header.get('format')!r}")
            return cls(classes=tuple(header["classes"]), weights=data["weights"],
                       bias=data["bias"], mean=data["mean"], scale=data["scale"],
                       feature_names=tuple(header.get("feature_names", ())),
                       meta=dict(header.get("meta", {})))


def train_head(features: np.ndarray, labels: Sequence[str], *, l2: float = 1.0,
               class_weight: str | None = "balanced", feature_names: Sequence[str] = (),
               meta: dict[str, Any] | None = None, max_iter: int = 500) -> LinearHead:
    """Fit a softmax regression with L2 penalty by L-BFGS (scipy), deterministic.

    ``class_weight="balanced"`` weighs each example by the inverse frequency of its class, so a
    rare force is not drowned by the many "none" sentences of an interview.
    """
    from scipy.optimize import minimize  # training only

    x = np.asarray(features, dtype=np.float64)
    classes = tuple(sorted(set(labels)))
    if len(classes) < 2:
        raise ValueError("training needs at least two classes")
    index = {name: i for i, name in enumerate(classes)}
    y = np.array([index[label] for label in labels])
    n, d = x.shape
    k = len(classes)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    z = (x - mean) / scale
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    if class_weight == "balanced":
        counts = np.bincount(y, minlength=k).astype(np.float64)
        sample_weight = (n / (k * counts))[y]
    else:
        sample_weight = np.ones(n)
    sample_weight = sample_weight / sample_weight.sum()

    def loss_and_grad(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[: d * k].reshape(d, k)
        b = theta[d * k:]
        p = _softmax(z @ w + b)
        loss = -float(np.sum(sample_weight * np.log(np.clip(p[np.arange(n), y], 1e-12, None))))
        loss += 0.5 * l2 * float(np.sum(w * w)) / n
        error = (p - onehot) * sample_weight[:, None]
        grad_w = z.T @ error + l2 * w / n
        grad_b = error.sum(axis=0)
        return loss, np.concatenate([grad_w.ravel(), grad_b])

    result = minimize(loss_and_grad, np.zeros(d * k + k), jac=True, method="L-BFGS-B",
                      options={"maxiter": max_iter})
    theta = result.x
    return LinearHead(classes=classes,
                      weights=theta[: d * k].reshape(d, k).astype(np.float32),
                      bias=theta[d * k:].astype(np.float32),
                      mean=mean.astype(np.float32), scale=scale.astype(np.float32),
                      feature_names=tuple(feature_names), meta=dict(meta or {}))


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)
