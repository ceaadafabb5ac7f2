"""Launching without --resume, quitting, exporting, and where a turn's blocking work runs."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from icp_coach import paths
from icp_coach.bootstrap import make_app
from icp_coach.settings import Settings
from icp_coach.tui.app import make_tui
from icp_coach.tui.messages import CoachReady
from icp_coach.tui.screens.export import ExportDialog
from icp_coach.tui.screens.resume_offer import ResumeOffer
from tests.tui.tui_helpers import INTERVIEW, Recorder, offline_app, type_and_send

SIZE = (100, 32)


def launch(context: Any) -> Any:
    """As `icp-coach` with neither --resume nor --company."""
    return make_tui(context, with_knowledge=False, company=None, offer_last=True)


async def test_a_launch_without_resume_offers_the_last_session(recorder: Recorder) -> None:
    context = make_app(Settings(engine="offline"))
    first, started = offline_app(), Recorder()
    async with first.run_test(size=SIZE, message_hook=started) as pilot:
        await started.wait_turns(pilot, 1)
        await type_and_send(pilot, INTERVIEW[0])
        await started.wait_turns(pilot, 2)
    saved = first.saved_session

    app = launch(context)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_for(pilot, lambda: isinstance(app.screen, ResumeOffer))
        assert "My company" in str(app.screen.query_one("#resume-last").render())
        await pilot.press("enter")
        await recorder.wait_for(pilot, lambda: bool(recorder.of(CoachReady)))
        assert recorder.of(CoachReady)[0].coach.session_id == saved
    assert [s.id for s in context.session_store.list_sessions()] == [saved]  # none created

    again = Recorder()
    app = launch(context)
    async with app.run_test(size=SIZE, message_hook=again) as pilot:
        await again.wait_for(pilot, lambda: isinstance(app.screen, ResumeOffer))
        await pilot.press("n")
        await again.wait_turns(pilot, 1)
        assert again.of(CoachReady)[0].coach.session_id != saved
    assert len(context.session_store.list_sessions()) == 2


async def test_an_unanswered_last_session_is_reopened_not_duplicated(recorder: Recorder) -> None:
    context = make_app(Settings(engine="offline"))
    for _ in range(3):
        app, seen = launch(context), Recorder()
        async with app.run_test(size=SIZE, message_hook=seen) as pilot:
            await seen.wait_turns(pilot, 1)
            assert not isinstance(app.screen, ResumeOffer)  # nothing worth asking about
    assert len(context.session_store.list_sessions()) == 1


async def test_f5_and_export_save_into_one_folder_and_enter_exports(recorder: Recorder) -> None:
    app = offline_app(company="Acme GmbH")
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await type_and_send(pilot, "/export md")
        await recorder.wait_turns(pilot, 2)
        session_id = app.main_screen.session_id
        by_command = app.context.exports_dir / paths.export_file_name("Acme GmbH", session_id, "md")
        assert by_command.is_file()
        assert "acme-gmbh" in by_command.name and session_id[:8] in by_command.name

        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one("#export-path").value == str(by_command)
        await pilot.press("tab")  # onto the format choice: Enter still exports
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        assert any(str(by_command) in n.message for n in app._notifications)


async def test_enter_in_the_settings_saves_them(recorder: Recorder) -> None:
    app = offline_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one("#model").focus()
        app.screen.query_one("#model").value = "qwen2.5-7b-instruct"
        await pilot.press("enter")
        await recorder.wait_for(pilot, lambda: len(recorder.of(CoachReady)) >= 2)
    assert 'model = "qwen2.5-7b-instruct"' in paths.config_file().read_text(encoding="utf-8")


async def test_the_status_line_names_the_engine_and_why(recorder: Recorder) -> None:
    app = make_tui(make_app(Settings(engine="auto")), with_knowledge=False, language="zh")
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        status = str(app.screen.query_one("#status").render())
        assert "离线" in status and "未配置接口地址" in status


class RecordingStore:
    """The real session store, noting which thread each commit runs on."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.commit_threads: list[int] = []

    def commit(self, *args: Any, **kwargs: Any) -> None:
        self.commit_threads.append(threading.get_ident())
        self.store.commit(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


class RecordingKnowledge:
    def __init__(self) -> None:
        self.search_threads: list[int] = []

    def search(self, query: str, k: int = 5, filters: Any = None) -> list[Any]:
        self.search_threads.append(threading.get_ident())
        return []


async def test_commits_and_knowledge_searches_run_off_the_ui_thread(recorder: Recorder,
                                                                     tmp_path: Path) -> None:
    context = make_app(Settings(engine="offline"))
    store = RecordingStore(context.session_store)
    context.__dict__["session_store"] = store  # an injected adapter, as the factory allows
    app = make_tui(context, with_knowledge=False)
    knowledge = RecordingKnowledge()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        ui_thread = threading.get_ident()
        await recorder.wait_turns(pilot, 1)
        app.main_screen.coach.attach_knowledge(knowledge)
        for number, answer in enumerate(INTERVIEW[:2], start=2):
            await type_and_send(pilot, answer)
            await recorder.wait_turns(pilot, number)
    assert store.commit_threads and knowledge.search_threads
    assert ui_thread not in store.commit_threads + knowledge.search_threads


async def test_an_unexpected_error_ends_the_app_without_a_traceback(recorder: Recorder) -> None:
    import pytest

    app = offline_app()
    with pytest.raises(AttributeError):
        async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
            await recorder.wait_turns(pilot, 1)
            app.main_screen.post_message(CoachReady(None, False))  # a bug in a handler
            await pilot.pause()
    assert isinstance(app.crashed, AttributeError)  # for the CLI's one-line report
    assert not app._exit_renderables  # nothing of Textual's traceback for the terminal
    assert app.goodbye()  # and where the answers are saved


async def test_an_unanswered_session_in_another_language_is_not_reopened(
        recorder: Recorder) -> None:
    context = make_app(Settings(engine="offline"))
    for language in ("en", "zh"):
        app = make_tui(context, with_knowledge=False, company=None, offer_last=True,
                       language=language)
        seen = Recorder()
        async with app.run_test(size=SIZE, message_hook=seen) as pilot:
            await seen.wait_turns(pilot, 1)
        assert seen.of(CoachReady)[0].coach.language == language
    assert len(context.session_store.list_sessions()) == 2
