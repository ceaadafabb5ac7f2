"""The PMF check and the five steps across the top: done, current, to do; click to jump."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static

from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.process import FIRST_STEP, LAST_STEP, is_step_done
from icp_coach.tui.i18n import t

MARKS = {"done": "✓", "current": "●", "todo": "○"}


class StepChip(Static):
    def __init__(self, number: int) -> None:
        super().__init__(id=f"step-{number}", classes="step-chip")
        self.number = number

    def on_click(self) -> None:
        self.post_message(StepBar.JumpRequested(self.number))


class StepBar(Horizontal):
    @dataclass
    class JumpRequested(Message):
        step: int

    def compose(self) -> ComposeResult:
        for number in range(FIRST_STEP, LAST_STEP + 1):
            yield StepChip(number)

    def show(self, document: ICPDocument | None, current: int, language: str) -> None:
        for chip in self.query(StepChip):
            number = chip.number
            if number == current:
                state = "current"
            elif document is not None and is_step_done(number, document):
                state = "done"
            else:
                state = "todo"
            chip.set_classes(f"step-chip {state}")
            chip.update(Text(f"{MARKS[state]} {number} {t(f'step.short.{number}', language)}"))
            chip.tooltip = t("step.jump_tip", language)
