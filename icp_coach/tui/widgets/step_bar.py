"""The PMF check and the five steps across the top: done, current, to do; click to jump."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static

from icp_coach.tui.i18n import t

if TYPE_CHECKING:
    from icp_coach.domain.icp import ICPDocument

STEP_NUMBERS = range(0, 6)  # the PMF check (0) and the five steps; domain.process.STEPS

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
        for number in STEP_NUMBERS:
            yield StepChip(number)

    def show(self, document: ICPDocument | None, current: int, language: str) -> None:
        done: set[int] = set()
        if document is not None:
            from icp_coach.domain.process import is_step_done

            done = {number for number in STEP_NUMBERS if is_step_done(number, document)}
        for chip in self.query(StepChip):
            number = chip.number
            if number == current:
                state = "current"
            elif number in done:
                state = "done"
            else:
                state = "todo"
            chip.set_classes(f"step-chip {state}")
            chip.update(Text(f"{MARKS[state]} {number} {t(f'step.short.{number}', language)}"))
            chip.tooltip = t("step.jump_tip", language)
