"""Saving what the settings screen changed into the TOML config file, with 0600 permissions
(it may hold the API key). Reading stays with settings.py; this only merges and writes."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid TOML basic string


def render_toml(values: dict[str, Any]) -> str:
    """Flat keys first, then one table per dict value (keybindings)."""
    lines = [f"{key} = {_toml_value(value)}" for key, value in values.items()
             if not isinstance(value, dict) and value is not None]
    for key, value in values.items():
        if isinstance(value, dict):
            lines += ["", f"[{key}]"]
            lines += [f"{json.dumps(str(k))} = {_toml_value(v)}" for k, v in value.items()]
    return "\n".join(lines) + "\n"


def read_config(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def save_config(changes: dict[str, Any], path: Path | None = None) -> Path:
    """Merge `changes` into the config file (None removes a key) and write it 0600, atomically."""
    from icp_coach import paths
    from icp_coach.storage.atomic import write_text_atomic

    target = path or paths.config_file()
    values = read_config(target)
    for key, value in changes.items():
        if value is None or value == "":
            values.pop(key, None)
        else:
            values[key] = value
    paths.ensure(target.parent)
    return write_text_atomic(target, render_toml(values), mode=0o600)
