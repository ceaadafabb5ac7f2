"""Settings: CLI flag > environment > config file (TOML) > default.

Environment variables use the prefix ``ICP_COACH_`` (``ICP_COACH_MODEL``, ``ICP_COACH_ENGINE`` ...);
``OPENAI_API_KEY`` and ``OPENAI_BASE_URL`` are honoured as the usual names for the endpoint.
The API key is a ``SecretStr``: it never appears in a repr, a log line, a session or an export.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, SecretStr
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


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="ICP_COACH_",
        extra="ignore",
        populate_by_name=True,
    )

    engine: EngineName = "auto"
    language: Language = "en"

    api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("ICP_COACH_API_KEY", "OPENAI_API_KEY", "api_key")
    )
    base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("ICP_COACH_BASE_URL", "OPENAI_BASE_URL", "base_url"),
    )
    model: str = "gpt-4o-mini"
    temperature: float = 0.2
    timeout_seconds: float = 60.0
    max_retries: int = 2
    structured_method: StructuredMethod = "json_schema"

    local_model_size: Literal["0.5b", "1.5b"] = "0.5b"
    cny_per_usd: float = 7.2

    chroma_url: str | None = None
    data_dir: Path | None = None

    keybindings: dict[str, str] = Field(default_factory=dict)

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


def load_settings(**flags: Any) -> Settings:
    """Build settings; flags that are None (not given on the command line) do not override."""
    given = {name: value for name, value in flags.items() if value is not None}
    return Settings(**given)
