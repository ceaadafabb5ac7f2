"""What the screen shows is the text itself: no markup read from it, no control characters let
through, Chinese wrapped between characters, one numbering of the citations."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text
from textual.widgets import Markdown

from icp_coach.bootstrap import make_app
from icp_coach.domain.events import CoachError
from icp_coach.settings import Settings
from icp_coach.tui import cjk_wrap
from icp_coach.tui.app import make_tui
from icp_coach.tui.citations import CitationNumbers, renumber
from icp_coach.tui.safe_text import printable
from icp_coach.tui.screens.main import paragraph_chunks
from icp_coach.tui.widgets.chat_log import CoachReply, UserTurn
from icp_coach.tui.widgets.icp_panel import ICPPanel
from tests.tui.tui_helpers import Recorder, offline_app, type_and_send

SIZE = (100, 32)
HOSTILE = "[bold red]Acme[/] \x1b[2J\x1b]0;pwned\x07 [/]\x07 ok"


def test_escape_sequences_and_control_characters_are_removed_text_is_kept() -> None:
    assert printable(HOSTILE) == "[bold red]Acme[/]  [/] ok"
    assert printable("line one\n\tline two\r\n") == "line one\n\tline two\n"
    assert printable("北京\x1b[31m红\x1b[0m") == "北京红"


async def test_markup_and_escapes_in_answers_and_names_show_literally(recorder: Recorder) -> None:
    app = offline_app(company="[b]Bold[/b] Co\x1b[2J")
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await type_and_send(pilot, "About 35% came by referral " + HOSTILE)
        await recorder.wait_turns(pilot, 2)
        turn = str(app.screen.query(UserTurn).last().render())
        assert "[bold red]Acme[/]" in turn and "\x1b" not in turn and "\x07" not in turn
        panel = "\n".join(str(s.render()) for s in app.screen.query_one(ICPPanel).query("Static"))
        assert "[b]Bold[/b] Co" in panel and "\x1b" not in panel
        # An engine error quoting the input is one literal notification, not markup.
        app.main_screen.show_error(CoachError("bad cell [/] \x1b[31mred", "fix the file"))
        await pilot.pause()
        note = list(app._notifications)[-1]
        assert note.message == "bad cell [/] red\nfix the file"
        assert app.is_running


def rendered_lines(text: str, width: int) -> list[str]:
    console = Console(width=width, file=None, record=True)
    with console.capture() as captured:
        console.print(Text(text))
    return captured.get().splitlines()


def test_chinese_wraps_between_characters_not_only_at_spaces() -> None:
    cjk_wrap.enable()
    lines = rendered_lines("最好的客户是金融科技和物流公司，50-200 人，在上海和深圳，用飞书和钉钉。", 24)
    # Every line but the last is (nearly) full: it broke between characters, not at the space.
    assert all(len(line.encode("gbk", "replace")) >= 22 for line in lines[:-1]), lines
    # Closing punctuation stays with the character before it.
    assert not any(line.startswith(("，", "。")) for line in lines)
    assert "".join(line.rstrip() for line in lines).replace(" ", "") == \
        "最好的客户是金融科技和物流公司，50-200人，在上海和深圳，用飞书和钉钉。"
    # English still breaks at spaces.
    assert rendered_lines("They use Salesforce and NetSuite daily", 12)[0].rstrip() == "They use"


def test_the_answer_box_wraps_chinese_between_characters_too() -> None:
    from textual._wrap import compute_wrap_offsets

    cjk_wrap.enable()
    text = "我们的客户 最好的是金融科技和物流公司，在上海和深圳。"
    first = compute_wrap_offsets(text, 24, 4)[0]
    assert 10 <= first <= 12  # a full first line (about 12 wide characters), not at the space


def test_a_long_reply_is_laid_out_in_paragraph_pieces_that_join_back() -> None:
    text = "\n\n".join(f"## Part {n}\n\n" + "word " * 60 for n in range(12))
    pieces = paragraph_chunks(text, size=600)
    assert len(pieces) > 5 and "".join(pieces) == text
    assert max(len(piece) for piece in pieces) < 1000


def test_citation_numbers_are_the_sessions_not_the_replys() -> None:
    class Passage:
        def __init__(self, id: str) -> None:
            self.id = id

    numbers = CitationNumbers([Passage("a"), Passage("b")])
    assert numbers.add(Passage("c")) == 3 and numbers.add(Passage("a")) == 1
    mapping = {1: 3, 2: 1}  # this reply's [1] is the session's [3]
    ready, rest = renumber("See [1] and [2", mapping)
    assert (ready, rest) == ("See [3] and ", "[2")
    assert renumber(rest + "] too [9]", mapping, final=True) == ("[1] too [9]", "")


async def test_citations_in_the_chat_and_in_f4_carry_the_same_numbers(recorder: Any) -> None:
    from icp_coach.domain.events import ReplyDone
    from icp_coach.embeddings import HashingEmbedder
    from icp_coach.tui.messages import PreparationProgress
    from icp_coach.tui.screens.sources import SourcesScreen
    from tests.tui.tui_helpers import INTERVIEW

    context = make_app(Settings(engine="offline"), embedder=HashingEmbedder())
    app = make_tui(context, with_knowledge=True)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_for(pilot, lambda: any(m.finished for m in
                                                   recorder.of(PreparationProgress)))
        await recorder.wait_turns(pilot, 1)
        for number, answer in enumerate(INTERVIEW[:3], start=2):
            await type_and_send(pilot, answer)
            await recorder.wait_turns(pilot, number)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        in_f4 = {passage.id: number for number, passage in app.screen.citations}
        await pilot.press("escape")
        await pilot.pause()
        replies = list(app.screen.query(CoachReply))
        shown = [(n, p.id) for reply in replies for n, p in reply.citations]
        assert len({pid for _, pid in shown}) >= 3, "several passages were cited"
        assert all(in_f4[pid] == n for n, pid in shown)
        # The reply text cites with the same numbers as its citation line.
        last = next(r for r in reversed(replies) if r.citations)
        source = last.query_one(Markdown).source
        for n, _ in last.citations:
            assert f"[{n}]" in source
        assert recorder.events(ReplyDone)
