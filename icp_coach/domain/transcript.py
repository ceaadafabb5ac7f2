"""Interview transcripts as speaker turns with line numbers."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from icp_coach.domain.language import Language


class TranscriptTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    speaker: str
    text: str
    line: int  # 1-based line of the source file where the turn starts
    role: str = ""  # as written next to the name, e.g. "Interviewer", "Head of RevOps"
    timestamp: str | None = None
    # The label as the file writes it when that is not just `speaker` (and `role`): an alias such
    # as "PM (Rachel)" or "Rachel K." folded into the speaker "Rachel". Empty otherwise.
    label: str = ""
    is_interviewer: bool = False
    # Where each source line (or cue) begins inside `text`: [char offset, line number] pairs, so a
    # quote in the middle of a long turn can name its own line. Empty means all of it is `line`.
    line_starts: list[tuple[int, int]] = Field(default_factory=list)

    def written_label(self) -> str:
        """How the file names this speaker here: the alias if there is one, else the name."""
        return self.label or self.speaker

    def line_at(self, offset: int) -> int:
        """The source line holding character `offset` of `text`."""
        line = self.line
        for start, number in self.line_starts:
            if start > offset:
                break
            line = number
        return line


class Transcript(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str
    turns: list[TranscriptTurn]
    language: Language = "en"
    # every label the interviewers speak under, as written: ["PM (Rachel)", "Rachel", "Observer"]
    interviewers: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)  # what the parser repaired or skipped
    format: str = ""  # txt, md, vtt, srt, otter, docx ...

    def customer_turns(self) -> list[TranscriptTurn]:
        return [turn for turn in self.turns if not turn.is_interviewer]
