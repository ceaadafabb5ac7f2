"""Fixtures for the llm/local engine tests: fake chat models, the fault-injecting server, and the
real embedded model server (started once per session)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from engine_llm_fakes import ToolCallingFake, tool_answer, tool_fake  # noqa: E402, F401
from fault_server import FaultServer  # noqa: E402

# Where `make install-dev` puts the model: a test data folder inside the repository, never the
# user's data folder (a model there would be theirs to choose, not the tests').
TEST_MODELS_DIR = Path(__file__).resolve().parents[2] / ".test-data" / "models"


@pytest.fixture(scope="session")
def fault_server() -> Iterator[FaultServer]:
    server = FaultServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def local_model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The verified 0.5B GGUF: the one `make install-dev` put in .test-data/, else assembled from
    the weight packages into a temporary folder (missing packages fail loudly rather than skip)."""
    from icp_coach.engines.llm import model_store

    installed = TEST_MODELS_DIR / model_store.spec_for("0.5b").filename
    if model_store.is_installed("0.5b", installed):
        return installed
    target = tmp_path_factory.mktemp("model") / installed.name
    try:
        return model_store.assemble("0.5b", target=target)
    except model_store.ModelStoreError as error:
        pytest.fail(f"the wire tests need the 0.5B model: {error}")


@pytest.fixture(scope="session")
def local_server(local_model_file: Path) -> Iterator[Any]:
    from icp_coach.engines.llm.local_model import start_local_server
    from icp_coach.settings import Settings

    server = start_local_server(Settings(local_model_size="0.5b"), model_path=local_model_file)
    yield server
    server.stop()
