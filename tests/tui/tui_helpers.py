"""Helpers for driving the coach through Textual's pilot: one factory (`make_tui`) with the offline
engine or a fake chat model, and waits on messages instead of sleeps."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from textual.pilot import Pilot

from icp_coach.bootstrap import make_app
from icp_coach.settings import Settings
from icp_coach.tui.app import CoachApp, make_tui
from icp_coach.tui.messages import CoachEventReceived, TurnFinished

# Answers that take the offline engine from the PMF check to a finished version 1.0.
INTERVIEW = [
    "About 35% of new customers came by referral last year, and referrers rate us 9 out of 10.",
    "yes",
    "Our best customers are fintech and logistics companies with 50-200 employees in Germany "
    "and the UK.",
    "yes",
    "They struggle with manual invoice reconciliation that takes days each month. They use "
    "Salesforce and NetSuite. A buying signal is when they hire a new CFO or raise a Series B. "
    "The champion is the Head of Finance Operations and the economic buyer is the CFO. They "
    "value automation and move fast.",
    "yes",
    "Red flags: companies under 20 employees churned within six months, and agencies with "
    "project billing were lost deals.",
    "yes",  # a step ends when its criteria are met and the user confirms
    "/next",
    "Review quarterly, and early if win rates drop below 20% or when we launch in a new region.",
]


def offline_app(**options: Any) -> CoachApp:
    return make_tui(make_app(Settings(engine="offline")), with_knowledge=False, **options)


def fake_model_app(chat_model: Any, **options: Any) -> CoachApp:
    return make_tui(make_app(Settings(engine="llm"), chat_model=chat_model), with_knowledge=False,
                    **options)


class Recorder:
    """Collects the app's messages (the `message_hook`) and waits for turns to finish."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    def __call__(self, message: Any) -> None:
        self.messages.append(message)

    def of(self, kind: type) -> list[Any]:
        return [m for m in self.messages if isinstance(m, kind)]

    def events(self, kind: type) -> list[Any]:
        """The coach's events of `kind` (domain/events.py) that reached the screen."""
        return [m.event for m in self.of(CoachEventReceived) if isinstance(m.event, kind)]

    async def wait_for(self, pilot: Pilot[Any], condition: Callable[[], bool],
                       seconds: float = 120.0, *, workers: bool = True) -> None:
        """Until `condition` holds (a generous bound for a loaded CI box). `workers=False` while a
        worker never ends on its own (an endless stream): then wait on the message queue only."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if condition():
                await pilot.pause()  # let a screen that just opened lay itself out
                return
            if workers:
                await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        raise AssertionError(f"gave up waiting; last messages: {self.messages[-5:]}")

    async def wait_turns(self, pilot: Pilot[Any], count: int) -> None:
        await self.wait_for(pilot, lambda: len(self.of(TurnFinished)) >= count)
        await pilot.pause()


async def type_and_send(pilot: Pilot[Any], text: str) -> None:
    """Put the answer in the input, then press Enter as a user would."""
    prompt = pilot.app.screen.query_one("#prompt")
    prompt.focus()
    prompt.insert(text)
    await pilot.press("enter")


class StreamingInterviewFake(GenericFakeChatModel):
    """Answers the extractor through a tool call (bind_tools gives a structured copy) and streams
    every reply word by word; `replies` are used in turn. The model proposes nothing itself, so
    the offline rules behind the LLM extractor carry the interview forward."""

    replies: list[str] = []
    structured: bool = False
    calls: list[str] = []

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        return self.model_copy(update={"structured": True})

    def _generate(self, messages: Any, stop: Any = None, run_manager: Any = None,
                  **kwargs: Any) -> ChatResult:
        if self.structured:
            self.calls.append("structured")
            message = AIMessage(content="", tool_calls=[{
                "name": "ICPCandidates", "args": {}, "id": "call-1", "type": "tool_call"}])
        else:
            self.calls.append("reply")
            count = self.calls.count("reply")
            message = AIMessage(content=self.replies[(count - 1) % len(self.replies)])
        return ChatResult(generations=[ChatGeneration(message=message)])


def streaming_interview_fake(*replies: str) -> StreamingInterviewFake:
    return StreamingInterviewFake(messages=iter(()), replies=list(replies), calls=[])
