"""The shared-index path: a real `chroma run` server on 127.0.0.1, started by the test."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from icp_coach.domain.knowledge import SearchFilters
from icp_coach.kb.knowledge_base import KnowledgeBase
from icp_coach.kb.store import IndexUnavailableError

pytestmark = [pytest.mark.wire, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _chroma_executable() -> str:
    beside_python = Path(sys.executable).parent / "chroma"
    found = str(beside_python) if beside_python.exists() else shutil.which("chroma")
    if not found:
        pytest.fail("the `chroma` command (installed with chromadb) is missing")
    return found


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = _free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    log = (folder / "server.log").open("wb")
    server = subprocess.Popen(
        [_chroma_executable(), "run", "--host", "127.0.0.1", "--port", str(port),
         "--path", str(folder / "data")], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("chroma server did not start: "
                                + (folder / "server.log").read_text(errors="replace")[-2000:])
                time.sleep(0.3)
        yield url, server
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def test_a_team_shares_one_index_on_a_chroma_server(
        chroma_server: tuple[str, subprocess.Popen[bytes]], make_kb: Callable[..., KnowledgeBase], tmp_path: Path,
        messages: list[str]) -> None:
    chroma_url, server = chroma_server
    alice = make_kb(chroma_url=chroma_url, data_dir=tmp_path / "alice")
    first = alice.index()
    assert first.passages == 12 and first.sync.embedded == 12
    assert alice.location == chroma_url

    # A team-mate on another machine: nothing to embed, same answers, no local index folder.
    bob = make_kb(chroma_url=chroma_url, data_dir=tmp_path / "bob", refresh_seconds=0)
    results = bob.search("Slack 早期的客户", k=2)
    assert {p.id for p in results} == {"case-slack.zh#1", "case-slack.en#1"}
    assert not any("Building" in m for m in messages)
    assert not (tmp_path / "bob" / "chroma").exists()
    assert bob.index().sync.embedded == 0

    notes = tmp_path / "deal-review.md"
    notes.write_text("# Deal review\n\nWe lost Initech over SSO.\n", encoding="utf-8")
    alice.add_documents([notes])
    assert bob.search("Initech SSO", k=1, filters=SearchFilters(kind="user"))[0].doc_id == \
        "user:deal-review"

    # The server goes away mid-session: a clear endpoint error naming it, nothing wiped locally.
    server.terminate()
    server.wait(timeout=10)
    with pytest.raises(IndexUnavailableError, match=f"Chroma server at {chroma_url}"):
        bob.search("Slack", k=1)
