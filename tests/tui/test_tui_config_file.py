"""The config file the settings screen writes is read back by the settings, keys and tables alike."""

from __future__ import annotations

import stat

from icp_coach import paths
from icp_coach.settings import Settings
from icp_coach.tui.config_file import save_config


def test_saved_values_and_keybindings_are_read_back_and_private() -> None:
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[keybindings]\nhelp = "f1,ctrl+h"\n"input.newline" = "ctrl+j"\n',
                      encoding="utf-8")
    save_config({"engine": "llm", "base_url": "http://127.0.0.1:8080/v1", "model": "qwen 2.5 \"7b\"",
                 "language": "zh", "api_key": "sk-local-1"})
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    settings = Settings()
    assert (settings.engine, settings.language, settings.model) == ("llm", "zh", 'qwen 2.5 "7b"')
    assert settings.api_key is not None and settings.api_key.get_secret_value() == "sk-local-1"
    assert settings.keybindings == {"help": "f1,ctrl+h", "input.newline": "ctrl+j"}  # kept


def test_clearing_a_value_removes_it() -> None:
    save_config({"base_url": "http://127.0.0.1:9/v1"})
    save_config({"base_url": None})
    assert Settings().base_url is None
