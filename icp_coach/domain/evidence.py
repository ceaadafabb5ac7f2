"""Evidence: where a statement in an ICP or a persona comes from."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

EvidenceKind = Literal["quote", "icp_field", "knowledge", "data", "user"]


class Evidence(BaseModel):
    """A verbatim quote with its source and line, or a reference to an ICP field, a knowledge
    passage or a data finding. `verified` is True only once a quote was checked against its text."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    quote: str = ""
    source: str = ""
    line: int | None = None
    kind: EvidenceKind = "quote"
    verified: bool = False

    def key(self) -> tuple[str, str, str]:
        """Two evidence items are the same when they point at the same thing."""
        return (self.kind, self.source, " ".join(self.quote.split()).lower())
