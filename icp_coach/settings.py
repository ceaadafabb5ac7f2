"""Settings: CLI flag > environment > config file (TOML) > default.

Environment variables use the prefix ``ICP_COACH_`` (``ICP_COACH_MODEL``, ``ICP_COACH_ENGINE`` ...);
``OPENAI_API_KEY`` and ``OPENAI_BASE_URL`` are honoured as the usual names for the endpoint.
Every setting can also be given on the command line (``icp-coach --set model=qwen2.5 ...``; some
commands have their own ``--engine`` / ``--lang``) and in the config file under its own name.
The API key is a ``SecretStr``: it never appears in a repr, a log line, a session or an export.

Each field's description is its documentation: `settings_table` renders them into the README's
Configuration table, and a test checks the README holds that table.

A bad value is a `SettingsError` naming the setting, where it came from (flag, environment
variable, config file and line), the value and what is allowed.
"""

from __future__ import annotations

import os
import re
import typing
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from icp_coach import paths
from icp_coach.domain.language import Language

EngineName = Literal["auto", "llm", "local", "offline"]
StructuredMethod = Literal["json_schema", "function_calling", "json_mode"]

ENV_PREFIX = "ICP_COACH_"
# Settings given on the command line as `--set key=value` (recorded by the CLI so that an error
# can say the value came from a flag).
FLAG_SOURCES_KEY = "icp_coach.settings_from_flags"


class SettingsError(Exception):
    """A setting with a bad value, or a config file that cannot be read (exit code 2)."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        extra="ignore",
        populate_by_name=True,
    )

    engine: EngineName = Field(
        "auto", description="who thinks: `auto`, `llm` (an endpoint), `local` (the embedded model) "
                            "or `offline` (rules); see Engines")
    language: Language = Field("en", description="`en` or `zh`: the coach's language")

    api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("ICP_COACH_API_KEY", "OPENAI_API_KEY", "api_key"),
        description="the API key; never printed, logged, saved in sessions or exported")
    base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("ICP_COACH_BASE_URL", "OPENAI_BASE_URL", "base_url"),
        description="any OpenAI-compatible `/v1` endpoint (default: OpenAI)")
    model: str = Field("gpt-4o-mini", min_length=1, description="the model name as the server knows it")
    temperature: float = Field(0.2, ge=0, le=2, description="sampling temperature, 0 to 2")
    timeout_seconds: float = Field(60.0, gt=0, description="time-out per request, in seconds")
    max_retries: int = Field(2, ge=0, le=20, description="retries for 429 and 5xx answers, 0 to 20")
    structured_method: StructuredMethod = Field(
        "json_schema", description="`json_schema`, `function_calling` or `json_mode` (servers differ)")

    local_model_size: Literal["0.5b", "1.5b"] = Field(
        "0.5b", description="`0.5b` or `1.5b`: which embedded model the local engine runs")
    local_threads: int | None = Field(
        None, ge=1, le=256, description="threads of the embedded model server (default: cores − 1)")
    cny_per_usd: float = Field(7.2, gt=0, description="yuan per US dollar, for CNY amounts; above 0")

    chroma_url: str | None = Field(None, description="a shared Chroma server for the knowledge index")
    knowledge_dir: Path | None = Field(
        None, description="index a team's own folder of documents (same format) instead of the "
                          "shipped `knowledge/`")
    data_dir: Path | None = Field(
        None, description="sessions, the knowledge index, exports and the local model "
                          "(default: the platform's user data folder)")
    cache_dir: Path | None = Field(None, description="caches (default: the platform's user cache folder)")

    keybindings: dict[str, str] = Field(
        default_factory=dict, description="key remaps by binding id (a `[keybindings]` table in "
                                          "the config file; JSON in a flag or variable)")

    @field_validator("knowledge_dir", "data_dir", "cache_dir", mode="after")
    @classmethod
    def _expand_home(cls, value: Path | None) -> Path | None:
        return value.expanduser() if value is not None else None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_source = TomlConfigSettingsSource(settings_cls, toml_file=paths.config_file())
        return (init_settings, env_settings, toml_source)

    @property
    def has_endpoint(self) -> bool:
        """An LLM endpoint counts as configured when a key or a base URL is given."""
        return self.api_key is not None or self.base_url is not None

    def redacted(self) -> dict[str, Any]:
        """The settings as a dict safe to print or log: the key is never included."""
        shown = self.model_dump(exclude={"api_key"})
        shown["api_key"] = "set" if self.api_key is not None else "not set"
        return shown


def env_names(name: str) -> list[str]:
    """The environment variables a setting is read from, in order of precedence."""
    alias = Settings.model_fields[name].validation_alias
    if isinstance(alias, AliasChoices):
        return [str(choice) for choice in alias.choices if str(choice).isupper()]
    return [f"{ENV_PREFIX}{name.upper()}"]


def allowed_values(name: str) -> str:
    """What a setting accepts, in words."""
    field = Settings.model_fields[name]
    annotation = field.annotation
    choices = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    literal = next((arg for arg in choices if typing.get_origin(arg) is Literal), None)
    if typing.get_origin(annotation) is Literal:
        literal = annotation
    if literal is not None:
        return "one of " + ", ".join(str(value) for value in typing.get_args(literal))
    words = {"gt": "above", "ge": "at least", "lt": "below", "le": "at most"}
    limits = [f"{word} {getattr(item, bound)}" for item in field.metadata
              for bound, word in words.items() if getattr(item, bound, None) is not None]
    if typing.get_origin(annotation) is dict:
        return "a table of binding id = \"keys\" pairs"
    base = annotation if not choices else choices[0]
    kinds: dict[Any, str] = {float: "a number", int: "a whole number", str: "text", Path: "a folder path",
                             SecretStr: "text"}
    kind = kinds.get(base, "text")
    return kind + (f" {' and '.join(limits)}" if limits else "")


def _flag_settings() -> set[str]:
    """Names given with `--set` on the command line of the command being run."""
    try:
        import click

        context = click.get_current_context(silent=True)
    except ImportError:  # pragma: no cover - click is a dependency
        return set()
    if context is None:
        return set()
    return set(context.find_root().meta.get(FLAG_SOURCES_KEY, ()))


def _config_line(config: Path, name: str) -> int | None:
    try:
        lines = config.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    pattern = re.compile(rf"^\s*[\"']?{re.escape(name)}[\"']?\s*=|^\s*\[{re.escape(name)}\]")
    return next((number for number, line in enumerate(lines, 1) if pattern.match(line)), None)


def describe_source(name: str, flags: dict[str, Any]) -> str:
    """Where the value of `name` came from, as a person would look for it."""
    if name in flags:
        option = {"engine": "--engine", "language": "--lang"}.get(name, f"--{name.replace('_', '-')}")
        return f"flag {option}"
    given_as_set = _flag_settings()
    for variable in env_names(name):
        if variable in os.environ:
            if name in given_as_set:
                return f"flag --set {name}=..."
            return f"environment variable {variable}"
    config = paths.config_file()
    line = _config_line(config, name)
    if line is None:
        return "default"
    return f"config file {config}:{line}"


def _shown(value: Any, name: str) -> str:
    if name == "api_key":
        return "(hidden)"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _describe(error: ValidationError, flags: dict[str, Any]) -> str:
    problems = []
    for item in error.errors():
        location = item["loc"]
        name = str(location[0]) if location else "?"
        if name not in Settings.model_fields:  # an alias (OPENAI_API_KEY) names the field
            name = next((field for field in Settings.model_fields
                         if name in env_names(field) or name == field), name)
        source = describe_source(name, flags) if name in Settings.model_fields else "settings"
        allowed = allowed_values(name) if name in Settings.model_fields else ""
        problems.append(f"setting {name} ({source}): {_shown(item.get('input'), name)} is not "
                        f"valid: {item['msg'].rstrip('.')}" + (f"; use {allowed}" if allowed else ""))
    return "; ".join(problems) + "."


def load_settings(**flags: Any) -> Settings:
    """Build settings; flags that are None (not given on the command line) do not override.

    Raises SettingsError (exit code 2) with the setting, its source, the value and what is allowed."""
    import tomllib

    from pydantic_settings import SettingsError as SourceError

    given = {name: value for name, value in flags.items() if value is not None}
    config = paths.config_file()
    try:
        return Settings(**given)
    except ValidationError as error:
        raise SettingsError(_describe(error, given)) from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"config file {config}: not valid TOML: {error}; fix that line or move "
                            "the file away (F3 in the coach writes a fresh one)") from None
    except UnicodeDecodeError:
        raise SettingsError(f"config file {config}: not UTF-8 text; save it as UTF-8 or move it "
                            "away") from None
    except OSError as error:
        raise SettingsError(f"config file {error.filename or config}: cannot be read "
                            f"({error.strerror or error}); check its permissions or set "
                            "ICP_COACH_CONFIG_FILE to another file") from None
    except SourceError as error:  # a variable that must hold JSON (keybindings) does not
        raise SettingsError(f"{error}; give JSON such as '{{\"help\": \"f1\"}}'") from None


def effective_settings(settings: Settings, flags: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Each setting's value (the key hidden) and where it came from, for `icp-coach settings`."""
    shown = settings.redacted()
    return [{"setting": name, "value": shown[name], "source": describe_source(name, flags or {})}
            for name in Settings.model_fields]


def settings_table() -> str:
    """The README's Configuration table, from the fields' descriptions."""
    rows = ["| setting (config file key) | environment | default | what it does |",
            "|---|---|---|---|"]
    for name, field in Settings.model_fields.items():
        default = field.get_default(call_default_factory=True)
        shown = "–" if default in (None, {}) else f"`{default}`"
        if name in ("data_dir", "cache_dir"):
            shown = "platform folders"
        variables = " / ".join(f"`{variable}`" for variable in env_names(name))
        rows.append(f"| `{name}` | {variables} | {shown} | {field.description} |")
    rows.append("| – | `ICP_COACH_CONFIG_FILE`, `ICP_COACH_CONFIG_DIR` | platform folders | where the "
                "config file is (`icp-coach --config FILE` on the command line) |")
    return "\n".join(rows) + "\n"
