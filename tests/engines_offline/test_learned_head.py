"""The learned head: it separates what its training separates, and survives a save/load."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from icp_coach.engines.offline.learned.head import LinearHead, train_head


def _clusters(seed: int = 7) -> tuple[np.ndarray, list[str]]:
    rng = np.random.default_rng(seed)
    centres = {"push": [3.0, 0.0], "pull": [0.0, 3.0], "none": [-3.0, -3.0]}
    rows, labels = [], []
    for label, centre in centres.items():
        count = 10 if label == "pull" else 60  # an imbalanced set, as interviews are
        rows.append(rng.normal(centre, 0.8, size=(count, 2)))
        labels += [label] * count
    return np.vstack(rows), labels


def test_head_classifies_points_it_never_saw() -> None:
    features, labels = _clusters()
    head = train_head(features, labels, l2=0.1)
    predicted = [name for name, _ in head.predict(np.array([[3.2, 0.3], [0.2, 2.7], [-2.5, -3.1]]))]
    assert predicted == ["push", "pull", "none"]


def test_head_round_trips_through_npz(tmp_path: Path) -> None:
    features, labels = _clusters()
    head = train_head(features, labels, feature_names=["a", "b"], meta={"corpus": "unit"})
    head.save(tmp_path / "head.npz")
    loaded = LinearHead.load(tmp_path / "head.npz")
    assert loaded.classes == head.classes and loaded.feature_names == ("a", "b")
    assert loaded.meta == {"corpus": "unit"}
    np.testing.assert_allclose(loaded.predict_proba(features), head.predict_proba(features),
                               rtol=1e-5, atol=1e-6)


def test_head_refuses_features_of_the_wrong_width() -> None:
    features, labels = _clusters()
    head = train_head(features, labels)
    with pytest.raises(ValueError, match="expects 2 features"):
        head.predict(np.zeros((1, 3)))
