"""What the screens look like, at fixed terminal sizes (pytest-textual-snapshot).

Update after a deliberate change with `pytest tests/tui --snapshot-update` and review the SVGs.
"""

from __future__ import annotations

import time
from typing import Any

from textual.pilot import Pilot

from icp_coach.tui.widgets.chat_log import CoachReply
from tests.tui.tui_helpers import INTERVIEW, offline_app


async def wait_for_replies(pilot: Pilot[Any], count: int) -> None:
    """Until `count` replies are in the chat and the coach is idle (no sleeping)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        screen = pilot.app.main_screen
        if (screen.coach is not None and not screen.busy
                and len(screen.query(CoachReply)) >= count):
            break
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    else:
        raise AssertionError("the coach did not finish replying")
    pilot.app.clear_notifications()
    pilot.app.main_screen.query_one("#prompt").cursor_blink = False  # a blink is not a change
    await pilot.pause()


async def answer(pilot: Pilot[Any], answers: list[str]) -> None:
    for number, text in enumerate(answers, start=2):
        pilot.app.main_screen.query_one("#prompt").insert(text)
        await pilot.press("enter")
        await wait_for_replies(pilot, number)


def test_main_screen_at_80x24(snap_compare: Any) -> None:
    async def opened(pilot: Pilot[Any]) -> None:
        await wait_for_replies(pilot, 1)

    assert snap_compare(offline_app(), terminal_size=(80, 24), run_before=opened)


def test_icp_panel_mid_interview(snap_compare: Any) -> None:
    async def two_answers(pilot: Pilot[Any]) -> None:
        await wait_for_replies(pilot, 1)
        await answer(pilot, INTERVIEW[:3])  # the PMF answer, its confirmation, step 1's answer

    assert snap_compare(offline_app(), terminal_size=(120, 36), run_before=two_answers)


def test_chinese_ui_lays_out_wide_characters(snap_compare: Any) -> None:
    async def two_answers(pilot: Pilot[Any]) -> None:
        await wait_for_replies(pilot, 1)
        await answer(pilot, ["大约 35% 的新客户来自老客户推荐，推荐者的 NPS 是 9 分。", "对",
                             "最好的客户是金融科技和物流公司，50-200 人，在上海和深圳。"])

    assert snap_compare(offline_app(language="zh"), terminal_size=(100, 30),
                        run_before=two_answers)


def test_help_modal(snap_compare: Any) -> None:
    async def open_help(pilot: Pilot[Any]) -> None:
        await wait_for_replies(pilot, 1)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(offline_app(), terminal_size=(100, 30), run_before=open_help)


def test_settings_screen(snap_compare: Any) -> None:
    async def open_settings(pilot: Pilot[Any]) -> None:
        await wait_for_replies(pilot, 1)
        await pilot.press("f3")
        await pilot.pause()

    assert snap_compare(offline_app(), terminal_size=(100, 30), run_before=open_settings)
