"""The conversation: the user's turns and the coach's replies, streamed as Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from icp_coach.tui.safe_text import printable

if TYPE_CHECKING:  # markdown-it loads with the first reply, not before the first screen
    from textual.widgets import Markdown
    from textual.widgets.markdown import MarkdownStream


class UserTurn(Static):
    """One thing the user typed (plain text: user input is never rendered as markup)."""

    def __init__(self, text: str, speaker: str) -> None:
        label = Text(f"{speaker}: ", style="bold")
        label.append(printable(text))
        super().__init__(label, classes="user-turn", markup=False)
        self.text = text


class CitationLine(Static):
    """The numbered references under a reply; a click opens the sources view."""

    class Clicked(Message):
        def __init__(self, line: CitationLine) -> None:
            super().__init__()
            self.line = line

    def on_click(self) -> None:
        self.post_message(self.Clicked(self))


class CoachReply(Vertical):
    """One reply: a Markdown body fed token by token, then its numbered citations."""

    def __init__(self, speaker: str, text: str = "") -> None:
        super().__init__(classes="coach-reply")
        self.speaker = speaker
        self.initial_text = text
        self.citations: list[tuple[int, Any]] = []

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown

        yield Static(Text(self.speaker, style="bold"), classes="speaker")
        yield Markdown(self.initial_text, classes="reply-body")
        yield CitationLine("", classes="citations")

    @property
    def body(self) -> Markdown:
        from textual.widgets import Markdown

        return self.query_one(".reply-body", Markdown)

    def open_stream(self) -> MarkdownStream:
        from textual.widgets import Markdown

        return Markdown.get_stream(self.body)

    async def finish(self, text: str) -> None:
        """Show the complete text (it may differ from what streamed when the reply failed)."""
        await self.body.update(text)

    def show_citations(self, title: str, citations: list[tuple[int, Any]]) -> None:
        self.citations = citations
        line = self.query_one(CitationLine)
        if not citations:
            line.display = False
            return
        text = Text(f"{title}: ", style="dim bold")
        for position, (number, passage) in enumerate(citations):
            if position:
                text.append("  ")
            text.append(f"[{number}] ", style="bold")
            # The title and the innermost heading; F4 / a click shows the document and full path.
            tail = passage.section.split(" > ")[-1] if passage.section else ""
            label = passage.title if not tail or tail == passage.title else f"{passage.title} › {tail}"
            text.append(printable(label), style="dim")
        line.update(text)
        line.display = True


class ChatLog(VerticalScroll):
    """Scrolls with the conversation; anchored so a streaming reply stays in view."""

    def on_mount(self) -> None:
        self.anchor()

    async def add_user_turn(self, text: str, speaker: str) -> UserTurn:
        turn = UserTurn(text, speaker)
        await self.mount(turn)
        self.anchor()
        return turn

    async def add_reply(self, speaker: str, text: str = "") -> CoachReply:
        reply = CoachReply(speaker, text)
        await self.mount(reply)
        reply.query_one(CitationLine).display = False
        self.anchor()
        return reply
