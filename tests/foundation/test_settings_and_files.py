"""Settings precedence, secrets, paths and atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from icp_coach import paths
from icp_coach.settings import load_settings
from icp_coach.storage.atomic import OutputError, write_text_atomic


def write_config(text: str) -> Path:
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text, encoding="utf-8")
    return config


def test_defaults_without_anything_configured() -> None:
    settings = load_settings()
    assert settings.engine == "auto" and settings.api_key is None and not settings.has_endpoint


def test_precedence_flag_over_env_over_file(monkeypatch: pytest.MonkeyPatch) -> None:
    write_config('model = "from-file"\nengine = "offline"\ntemperature = 0.5\n')
    assert load_settings().model == "from-file"
    monkeypatch.setenv("ICP_COACH_MODEL", "from-env")
    settings = load_settings()
    assert settings.model == "from-env" and settings.engine == "offline"
    assert load_settings(model="from-flag", engine=None).model == "from-flag"


def test_openai_variables_are_honoured_and_the_key_stays_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-very-secret")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    settings = load_settings()
    assert settings.api_key is not None
    assert settings.api_key.get_secret_value() == "sk-test-very-secret"
    assert settings.base_url == "http://127.0.0.1:9/v1"
    assert "sk-test-very-secret" not in repr(settings)
    assert "sk-test-very-secret" not in str(settings.redacted())
    assert "sk-test-very-secret" not in settings.model_dump_json()


def test_importing_paths_creates_nothing(isolated_dirs: Path) -> None:
    paths.data_dir(), paths.config_file(), paths.sessions_db()
    assert not (isolated_dirs / "data").exists()
    assert not (isolated_dirs / "config").exists()


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_text_atomic(target, "first")
    write_text_atomic(target, "second, longer text")
    assert target.read_text() == "second, longer text"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]  # no temp files left


def test_atomic_write_can_set_private_permissions(tmp_path: Path) -> None:
    target = write_text_atomic(tmp_path / "secret.toml", "key", mode=0o600)
    assert (os.stat(target).st_mode & 0o777) == 0o600


def test_atomic_write_to_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_text_atomic(tmp_path / "missing" / "x.json", "{}")


def test_atomic_write_keeps_old_file_when_replacing_fails(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "icp.json"
    target.write_text("old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left"):
        write_text_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["icp.json"]
