"""Passages of the knowledge base, as the coach cites them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from icp_coach.domain.language import Language

Kind = Literal["method", "case", "example", "glossary", "user"]


class Passage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str  # unique passage id: "<doc_id>#<n>"
    doc_id: str
    title: str
    section: str = ""  # heading path, "Title > Section > Sub-section"
    text: str
    lang: Language = "en"
    kind: Kind = "method"
    tags: list[str] = Field(default_factory=list)
    company: str | None = None
    stage: str | None = None
    source_path: str = ""
    score: float = 0.0

    def citation(self) -> str:
        return f"{self.doc_id} § {self.section}" if self.section else self.doc_id


class SearchFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lang: Language | None = None
    kind: Kind | None = None
    company: str | None = None
    stage: str | None = None
