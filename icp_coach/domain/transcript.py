"""Interview transcripts as speaker turns with line numbers."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class TranscriptTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    speaker: str
    text: str
    line: int  # 1-based line of the source file where the turn starts
    role: str = ""  # as written next to the name, e.g. "Interviewer", "Head of RevOps"
    timestamp: str | None = None
    is_interviewer: bool = False


class Transcript(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str
    turns: list[TranscriptTurn]
    language: Literal["en", "zh"] = "en"
    interviewers: list[str] = Field(default_factory=list)

    def customer_turns(self) -> list[TranscriptTurn]:
        return [turn for turn in self.turns if not turn.is_interviewer]
