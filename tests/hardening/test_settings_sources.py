"""One settings object: every setting by flag, environment and config file (in that order of
precedence), bad values named with their source, and the README's table generated from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from icp_coach.cli.main import cli
from icp_coach.settings import Settings, env_names, settings_table

# A valid value per setting, and another one, so that each source can be told apart.
SAMPLES: dict[str, tuple[str, str]] = {
    "engine": ("offline", "llm"), "language": ("zh", "en"), "api_key": ("sk-one", "sk-two"),
    "base_url": ("http://127.0.0.1:9/v1", "http://127.0.0.1:8/v1"), "model": ("m-one", "m-two"),
    "temperature": ("0.5", "0.7"), "timeout_seconds": ("30", "45"), "max_retries": ("0", "4"),
    "structured_method": ("json_mode", "function_calling"), "local_model_size": ("1.5b", "0.5b"),
    "local_threads": ("1", "3"), "cny_per_usd": ("7.1", "6.9"), "chroma_url": ("http://a:1", "http://b:2"),
    "knowledge_dir": ("/tmp/k-one", "/tmp/k-two"), "data_dir": ("/tmp/d-one", "/tmp/d-two"),
    "cache_dir": ("/tmp/c-one", "/tmp/c-two"), "keybindings": ('{"help": "f9"}', '{"help": "f8"}'),
}


def test_every_setting_has_a_sample_and_a_description() -> None:
    assert set(SAMPLES) == set(Settings.model_fields)
    assert all(field.description for field in Settings.model_fields.values())


def _shown(isolated: Path, args: list[str], env: dict[str, str], config: str = "") -> dict[str, dict]:
    config_file = isolated / "config.toml"
    config_file.write_text(config, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config_file), *args, "settings", "--json"], env=env)
    assert result.exit_code == 0, result.output
    return {row["setting"]: row for row in json.loads(result.stdout)["settings"]}


def _toml(name: str, value: str) -> str:
    if name == "keybindings":
        return "[keybindings]\n" + "".join(f'"{k}" = "{v}"\n' for k, v in json.loads(value).items())
    return f"{name} = {json.dumps(value)}\n" if name not in ("temperature", "timeout_seconds",
                                                            "max_retries", "local_threads",
                                                            "cny_per_usd") else f"{name} = {value}\n"


def _same(row: dict, value: str, name: str) -> bool:
    if name == "api_key":
        return row["value"] == "set"
    if name == "keybindings":
        return row["value"] == json.loads(value)
    if str(row["value"]) == value:
        return True
    return _number(value) and row["value"] == float(value)


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("name", list(SAMPLES))
def test_each_setting_comes_from_config_then_environment_then_flag(name: str, isolated_dirs: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("ICP_COACH_DATA_DIR", "ICP_COACH_CACHE_DIR"):
        monkeypatch.delenv(variable, raising=False)
    first, second = SAMPLES[name]
    from_config = _shown(isolated_dirs, [], {}, _toml(name, first))[name]
    assert _same(from_config, first, name) and from_config["source"].startswith("config file")
    assert from_config["source"].endswith(":1")  # the line of the setting in the file
    variable = env_names(name)[0]
    from_env = _shown(isolated_dirs, [], {variable: second}, _toml(name, first))[name]
    assert _same(from_env, second, name) and from_env["source"] == f"environment variable {variable}"
    from_flag = _shown(isolated_dirs, ["--set", f"{name}={first}"], {variable: second},
                       _toml(name, second))[name]
    assert _same(from_flag, first, name) and from_flag["source"].startswith("flag --set")


@pytest.mark.parametrize(("source", "shown"), [
    ("flag", "flag --set cny_per_usd"), ("env", "environment variable ICP_COACH_CNY_PER_USD"),
    ("config", "config.toml:2")])
def test_a_rate_of_zero_is_refused_naming_where_it_came_from(source: str, shown: str,
                                                             isolated_dirs: Path) -> None:
    config = isolated_dirs / "config.toml"
    config.write_text('model = "x"\ncny_per_usd = 0\n' if source == "config" else "", encoding="utf-8")
    args = ["--config", str(config)] + (["--set", "cny_per_usd=0"] if source == "flag" else [])
    env = {"ICP_COACH_CNY_PER_USD": "-1"} if source == "env" else {}
    result = CliRunner().invoke(cli, [*args, "settings"], env=env)
    assert result.exit_code == 2
    assert shown in result.stderr and "cny_per_usd" in result.stderr and "above 0" in result.stderr
    assert "Traceback" not in result.output


def test_a_bad_choice_lists_the_allowed_values(isolated_dirs: Path) -> None:
    result = CliRunner().invoke(cli, ["settings"], env={"ICP_COACH_ENGINE": "turbo"})
    assert result.exit_code == 2
    assert "ICP_COACH_ENGINE" in result.stderr and "'turbo'" in result.stderr
    assert "auto, llm, local, offline" in result.stderr


def test_an_unknown_setting_on_the_command_line_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["--set", "colour=blue", "settings"])
    assert result.exit_code == 2 and "no setting named 'colour'" in result.stderr


def test_the_key_is_never_shown(isolated_dirs: Path) -> None:
    result = CliRunner().invoke(cli, ["settings", "--json"], env={"ICP_COACH_API_KEY": "sk-secret-123"})
    assert "sk-secret-123" not in result.output


def test_data_dir_in_the_config_file_moves_the_sessions_too(isolated_dirs: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ICP_COACH_DATA_DIR", raising=False)
    moved = tmp_path / "moved data"
    config = isolated_dirs / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f"data_dir = {json.dumps(str(moved))}\n", encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text("language: en\ncompany: Moved Co\nsteps:\n  0: ['About 35% came from referrals.']\n",
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["interview", "--answers", str(answers), "--engine", "offline",
                                      "--no-knowledge", "--json"])
    assert result.exit_code == 0, result.output
    assert (moved / "sessions.sqlite3").is_file()
    listed = CliRunner().invoke(cli, ["sessions", "list", "--json"])
    assert "Moved Co" in listed.stdout


def test_the_readme_configuration_table_is_the_generated_one() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert settings_table() in readme, "run: .venv/bin/python tools/settings_table.py"
