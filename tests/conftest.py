"""Shared fixtures: every test gets its own config, data and cache folders."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV_DATA = SHARED / "dev-data"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep tests away from the user's real config, sessions and index."""
    root = tmp_path_factory.mktemp("icp-home")
    monkeypatch.setenv("ICP_COACH_CONFIG_DIR", str(root / "config"))
    monkeypatch.setenv("ICP_COACH_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("ICP_COACH_CACHE_DIR", str(root / "cache"))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ICP_COACH_API_KEY", "ICP_COACH_BASE_URL",
                 "ICP_COACH_ENGINE", "ICP_COACH_MODEL", "ICP_COACH_CHROMA_URL"):
        monkeypatch.delenv(name, raising=False)
    return root


@pytest.fixture
def dev_data() -> Path:
    """The team's labelled corpus, beside the repository on the team's machines only.

    Tests that use it say so in their name (``..._devcorpus``) and skip on a fresh clone.
    """
    if not DEV_DATA.is_dir():
        pytest.skip(f"the team's labelled corpus is not beside this checkout ({DEV_DATA})")
    return DEV_DATA
