"""The status line's account of which engine answers, and why that one."""

from __future__ import annotations

from typing import Any

from icp_coach.tui.i18n import t


def engine_reason(context: Any) -> str:
    """The i18n key of why `context.engine_name` was chosen."""
    settings = context.settings
    engine = context.engine_name
    if settings.engine != "auto":
        return "engine.why.chosen"
    if engine == "llm":  # bootstrap.describe_engine: auto is an endpoint, else offline
        return "engine.why.endpoint" if settings.has_endpoint else "engine.why.injected"
    return "engine.why.no_endpoint"


def engine_status(context: Any, language: str) -> str:
    """e.g. "engine: offline (auto: no endpoint configured)"; resolving may look at the disk
    (is the local model installed?), so call it off the UI loop the first time."""
    engine = context.engine_name
    name = t(f"engine.name.{engine}", language)
    if engine == "llm" and context.settings.model:
        name = f"{name} {context.settings.model}"
    return t("engine.status", language, engine=name, why=t(engine_reason(context), language))
