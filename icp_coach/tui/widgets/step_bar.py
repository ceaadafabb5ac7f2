"""The PMF check and the five steps across the top: done, current, to do; click to jump."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static

from icp_coach.tui.i18n import t

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

    def show(self, done_steps: list[int], current: int, language: str) -> None:
        """`done_steps` from the coach's DraftView (their done-criteria are met)."""
        done = set(done_steps)
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
