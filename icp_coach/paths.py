"""Where icp-coach keeps its files. Nothing is created at import: call `ensure` when writing."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "icp-coach"


def _platformdirs():  # imported lazily: platformdirs is cheap, but keep start-up lean
    import platformdirs

    return platformdirs


def config_dir() -> Path:
    override = os.environ.get("ICP_COACH_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(_platformdirs().user_config_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    override = os.environ.get("ICP_COACH_CONFIG_FILE")
    if override:
        return Path(override)
    return config_dir() / "config.toml"


def _from_config_file(key: str) -> str | None:
    """A folder named in the config file (`data_dir = "..."`), so that every store honours it,
    not only those handed the settings. A file that cannot be read counts as not saying: loading
    the settings reports it, with its line."""
    import tomllib

    try:
        with config_file().open("rb") as handle:
            value = tomllib.load(handle).get(key)
    except (OSError, ValueError):
        return None
    return value if isinstance(value, str) and value.strip() else None


def _folder(variable: str, key: str, default: str) -> Path:
    """Environment variable > config file > the platform's folder."""
    chosen = os.environ.get(variable) or _from_config_file(key)
    if chosen:
        return Path(chosen).expanduser()
    return Path(getattr(_platformdirs(), default)(APP_NAME, appauthor=False))


def data_dir() -> Path:
    return _folder("ICP_COACH_DATA_DIR", "data_dir", "user_data_dir")


def cache_dir() -> Path:
    return _folder("ICP_COACH_CACHE_DIR", "cache_dir", "user_cache_dir")


def knowledge_dir() -> Path | None:
    """A team's own folder of knowledge documents, when one is set (else the shipped one)."""
    chosen = os.environ.get("ICP_COACH_KNOWLEDGE_DIR") or _from_config_file("knowledge_dir")
    return Path(chosen).expanduser() if chosen else None


def log_dir() -> Path:
    return Path(_platformdirs().user_log_dir(APP_NAME, appauthor=False))


def sessions_db() -> Path:
    return data_dir() / "sessions.sqlite3"


def chroma_dir() -> Path:
    return data_dir() / "chroma"


def models_dir() -> Path:
    return data_dir() / "models"


def export_file_name(company: str, session_id: str, fmt: str) -> str:
    """e.g. icp-acme-gmbh-3f2a9c1b.md (in the exports folder, `bootstrap.App.exports_dir`): the
    company to recognise it, the session to keep two interviews of one company apart. `/export`
    and the TUI's F5 both name files so."""
    import re

    stem = re.sub(r"[^\w\-]+", "-", company.strip().lower()).strip("-")[:40] or "icp"
    return f"icp-{stem}-{session_id[:8]}.{fmt}"


def shipped_dir(name: str) -> Path:
    """The folder `prompts` or `knowledge`: inside the wheel, or at the repo top in a checkout."""
    package_root = Path(__file__).resolve().parent
    inside_wheel = package_root / "_shipped" / name
    if inside_wheel.is_dir():
        return inside_wheel
    return package_root.parent / name


def ensure(path: Path) -> Path:
    """Create a directory (and parents) when something is about to be written there."""
    path.mkdir(parents=True, exist_ok=True)
    return path
