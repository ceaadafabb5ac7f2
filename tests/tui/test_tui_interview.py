"""The coach in the terminal, driven through Textual's pilot with the offline engine and with
fake chat models. Assertions are on what a user sees (widgets, files) and on the messages."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from langchain_core.language_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from textual.widgets import Markdown

from icp_coach import paths
from icp_coach.bootstrap import make_app
from icp_coach.domain.events import CoachError, ICPUpdated, ReplyDone, StepChanged
from icp_coach.settings import Settings
from icp_coach.tui.app import make_tui
from icp_coach.tui.messages import CoachReady, TurnFinished
from icp_coach.tui.screens.help import HelpScreen
from icp_coach.tui.widgets.chat_log import CoachReply, UserTurn
from icp_coach.tui.widgets.icp_panel import ICPPanel
from icp_coach.tui.widgets.prompt_input import PromptInput
from tests.tui.tui_helpers import (
    INTERVIEW,
    Recorder,
    fake_model_app,
    offline_app,
    streaming_interview_fake,
    type_and_send,
)

SIZE = (100, 32)
# An interview transcript kept in the repository (the JTBD tests' fixture).
TRANSCRIPT = Path(__file__).resolve().parents[1] / "jtbd" / "fixtures" / "ap_ledgerly_en.vtt"


def panel_text(app) -> str:
    panel = app.screen.query_one(ICPPanel)
    return "\n".join(str(static.render()) for static in panel.query("Static"))


def chat_replies(app) -> list[str]:
    return [reply.query_one(Markdown).source for reply in app.screen.query(CoachReply)]


@pytest.mark.slow
async def test_whole_interview_offline_fills_the_panel_and_finishes(recorder: Recorder) -> None:
    app = offline_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        assert "Step 0" in panel_text(app)
        for number, answer in enumerate(INTERVIEW, start=2):
            await type_and_send(pilot, answer)
            await recorder.wait_turns(pilot, number)
            if number == 5:  # mid-interview (step 1 answered and confirmed): the firmographics landed
                text = panel_text(app)
                assert "Step 2" in text
                assert "fintech" in text.lower()
                assert "WARN" in text  # no pain points / red flags yet
        steps = [message.step for message in recorder.events(StepChanged)]
        assert steps[:2] == [0, 1] and steps[-1] == 5
        assert recorder.events(ICPUpdated)
        assert "1.0" in panel_text(app)  # the finished ICP is versioned
        assert "version 1.0" in chat_replies(app)[-1]
        users = [turn.text for turn in app.screen.query(UserTurn)]
        assert users == INTERVIEW
        assert app.screen.coach.state.completed


async def test_reply_streams_token_by_token_from_a_fake_model(recorder: Recorder) -> None:
    model = GenericFakeChatModel(messages=iter([
        AIMessage("Welcome! **Referrals** matter: what share of new customers came by referral?"),
    ]))
    app = fake_model_app(model)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        done = recorder.events(ReplyDone)
        assert done and done[0].text.startswith("Welcome! **Referrals**")
        assert chat_replies(app) == [done[0].text]
        # The fake streams word by word: the coach emitted many tokens for this one reply.
        assert app.screen.query_one(CoachReply).body.source.count(" ") > 5


@pytest.mark.slow
async def test_whole_interview_with_a_fake_streaming_model(recorder: Recorder) -> None:
    model = streaming_interview_fake(
        "Good. Tell me about **referrals** and retention.",
        "Thanks: which *industries* do your best customers come from?",
        "Now the traits they share: tools, pains, signals, buyers.",
    )
    app = fake_model_app(model)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        for number, answer in enumerate(INTERVIEW, start=2):
            await type_and_send(pilot, answer)
            await recorder.wait_turns(pilot, number)
        assert not recorder.events(CoachError)
        assert app.screen.coach.state.completed
        assert "1.0" in panel_text(app)
        replies = chat_replies(app)
        assert replies[0] == "Good. Tell me about **referrals** and retention."
        assert "industries" in replies[1]
        assert model.calls.count("structured") >= 5  # every answer went through the model
        assert len(replies) == len(INTERVIEW) + 1


async def test_a_failed_reply_notifies_and_puts_the_text_back(recorder: Recorder) -> None:
    # The fake streams the opening reply but cannot give structured output: reading the
    # answer fails, as with a model that lacks tool calling.
    model = GenericFakeChatModel(messages=iter([AIMessage("Hello, how do customers find you?")]))
    app = fake_model_app(model)
    answer = "Most come by referral, around 40%."
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await type_and_send(pilot, answer)
        await recorder.wait_turns(pilot, 2)
        failures = recorder.events(CoachError)
        assert failures and failures[0].restore_input == answer
        assert failures[0].what_to_do
        assert app.screen.query_one(PromptInput).text == answer
        assert not list(app.screen.query(UserTurn))  # not shown as sent: it was not taken
        notes = [n.message for n in app._notifications]
        assert any(failures[0].what_to_do in note for note in notes)


async def test_an_unexpected_engine_failure_keeps_the_app_alive(recorder: Recorder) -> None:
    class Exploding:
        name = "exploding"

        async def stream_reply(self, request):
            raise RuntimeError("socket closed [errno 104] [/b]")
            yield ""  # pragma: no cover - makes this an async generator

    context = make_app(Settings(engine="offline"))
    context.__dict__["reply_writer"] = Exploding()  # an injected fake, as the factory allows
    app = make_tui(context, with_knowledge=False)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await type_and_send(pilot, "35% of customers came by referral")
        await recorder.wait_turns(pilot, 2)
        assert [f.message for f in recorder.events(CoachError)][-1] == "socket closed [errno 104] [/b]"
        assert app.is_running


async def test_quitting_mid_interview_keeps_answers_and_resume_shows_them(
        recorder: Recorder) -> None:
    app = offline_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await type_and_send(pilot, INTERVIEW[0])
        await recorder.wait_turns(pilot, 2)
        await type_and_send(pilot, INTERVIEW[1])
        await pilot.press("ctrl+q")  # quit while the second answer is being handled
    session_id = recorder.of(CoachReady)[0].coach.session_id
    assert session_id[:8] in app.goodbye() and "--resume" in app.goodbye()

    resumed = Recorder()
    again = offline_app(session_id=session_id[:6])
    async with again.run_test(size=SIZE, message_hook=resumed) as pilot:
        await resumed.wait_turns(pilot, 1)
        ready = resumed.of(CoachReady)[0]
        assert ready.resumed and ready.coach.session_id == session_id
        users = [turn.text for turn in again.screen.query(UserTurn)]
        assert users[0] == INTERVIEW[0]
        assert ready.coach.step >= 1  # the PMF answer was committed before the quit
        # The answer in flight at the quit was saved: the coach answers it now, or (when its
        # reply had been saved too) says where we are.
        assert INTERVIEW[1] in users or "welcome back" in chat_replies(again)[-1].lower()


async def test_reopening_a_session_stores_no_new_welcome_back_turn(recorder: Recorder) -> None:
    app = offline_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await type_and_send(pilot, INTERVIEW[0])
        await recorder.wait_turns(pilot, 2)
    session_id = recorder.of(CoachReady)[0].coach.session_id
    stored = len(app.context.session_store.turns(session_id))
    for _ in range(2):
        resumed = Recorder()
        again = offline_app(session_id=session_id)
        async with again.run_test(size=SIZE, message_hook=resumed) as pilot:
            await resumed.wait_turns(pilot, 1)
            assert chat_replies(again)[-1].startswith("Welcome back. We are at step 0")  # awaits the yes
            saved = again.context.session_store.turns(session_id)
            assert len(saved) == stored  # said, not stored
            # The saved replies, then the welcome back.
            assert len(chat_replies(again)) == sum(t.speaker == "coach" for t in saved) + 1
            await type_and_send(pilot, "/help")  # and the session answers as before
            await resumed.wait_turns(pilot, 2)
        stored += 2  # the command and its reply, nothing else
        assert len(again.context.session_store.turns(session_id)) == stored


async def test_export_dialog_writes_markdown_and_json(recorder: Recorder, tmp_path: Path) -> None:
    app = offline_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        for number, answer in enumerate(INTERVIEW[:3], start=2):
            await type_and_send(pilot, answer)
            await recorder.wait_turns(pilot, number)
        await pilot.press("f5")
        await pilot.pause()
        target = tmp_path / "icp.md"
        app.screen.query_one("#export-path").value = str(target)
        await pilot.click("#export-save")
        await pilot.pause()
        assert "Fintech" in target.read_text(encoding="utf-8") or \
            "fintech" in target.read_text(encoding="utf-8")

        await pilot.press("f5")
        await pilot.pause()
        await pilot.click("#fmt-json")
        await pilot.click("#lang-zh")
        json_target = tmp_path / "icp.json"
        app.screen.query_one("#export-path").value = str(json_target)
        await pilot.click("#export-save")
        await pilot.pause()
        document = json.loads(json_target.read_text(encoding="utf-8"))
        assert document["pmf"]["referral_share"] == 0.35

        await pilot.press("f5")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(tmp_path / "missing" / "x.md")
        await pilot.click("#export-save")
        await pilot.pause()
        assert app.screen.query("#export-dialog")  # stays open, says what to do
        assert any("does not exist" in n.message for n in app._notifications)


async def test_slash_commands_complete_and_history_recalls(recorder: Recorder) -> None:
    app = offline_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        prompt = app.screen.query_one(PromptInput)
        await pilot.press("/", "s", "h")
        assert app.screen.query_one("#hints").display
        await pilot.press("tab")
        assert prompt.text == "/show "
        await pilot.press("enter")
        await recorder.wait_turns(pilot, 2)
        assert chat_replies(app)[-1].startswith("# ")  # /show renders the ICP document
        await pilot.press("up")
        assert prompt.text == "/show "
        await pilot.press("down")
        assert prompt.text == ""
        await pilot.press("a", "ctrl+j", "b")
        assert prompt.text == "a\nb"  # a newline, not a send
        assert len(recorder.of(TurnFinished)) == 2
        prompt.clear()
        await pilot.press("/", "u", "n", "enter")
        assert prompt.text == "/undo "  # a unique partial command completes before it is sent
        await pilot.press("enter")
        await recorder.wait_turns(pilot, 3)


async def test_step_bar_click_jumps_and_lang_switches_the_ui(recorder: Recorder) -> None:
    app = offline_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await pilot.click("#step-2")
        await recorder.wait_turns(pilot, 2)
        assert recorder.events(StepChanged)[-1].step == 2
        await type_and_send(pilot, "/lang zh")
        await recorder.wait_turns(pilot, 3)
        assert "步骤 2" in panel_text(app)
        assert "六个维度" in panel_text(app)
        footer_labels = {b.description for b in app._bindings.key_to_bindings["f1"]}
        assert footer_labels == {"帮助"}
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "ICP 教练" in app.screen.query_one("#help-body", Markdown).source


async def test_help_modal_opens_and_closes(recorder: Recorder) -> None:
    app = offline_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "/step N" in app.screen.query_one("#help-body", Markdown).source
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_keybindings_from_the_config_remap_actions(recorder: Recorder) -> None:
    settings = Settings(engine="offline", keybindings={"help": "f9", "input.newline": "f8"})
    app = make_tui(make_app(settings), with_knowledge=False)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await pilot.press("x", "f8", "y")
        assert app.screen.query_one(PromptInput).text == "x\ny"
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_settings_keep_the_key_in_a_private_config_file(recorder: Recorder) -> None:
    app = offline_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await pilot.press("f3")
        await pilot.pause()
        key_input = app.screen.query_one("#api-key")
        assert key_input.value == "" and key_input.password
        key_input.value = "sk-test-secret-123"
        app.screen.query_one("#model").value = "gpt-4o"
        await pilot.click("#test")
        await recorder.wait_for(pilot, lambda: "offline" in str(
            app.screen.query_one("#connection-result").render()).lower())
        await pilot.click("#save")
        await pilot.pause()
        config = paths.config_file()
        assert stat.S_IMODE(config.stat().st_mode) == 0o600
        text = config.read_text(encoding="utf-8")
        assert 'model = "gpt-4o"' in text and "sk-test-secret-123" in text
        notes = " ".join(n.message for n in app._notifications)
        assert "sk-test-secret-123" not in notes  # never shown back
    assert Settings().model == "gpt-4o"  # the file is read back by the settings


async def test_sessions_screen_renames_deletes_and_resumes(recorder: Recorder) -> None:
    context = make_app(Settings(engine="offline"))
    older = context.start_coach(company="Older [Co]", with_knowledge=False).session_id
    doomed = context.start_coach(company="Doomed Co", with_knowledge=False).session_id
    app = make_tui(context, with_knowledge=False)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await pilot.press("f2")
        await pilot.pause()
        table = app.screen.query_one("#sessions-table")
        ids = [str(key.value) for key in table.rows]
        assert {older, doomed} <= set(ids)
        table.move_cursor(row=ids.index(doomed))
        await pilot.press("d")
        await pilot.press("d")  # the second press confirms
        await pilot.pause()
        assert doomed not in [s.id for s in context.session_store.list_sessions()]
        ids = [str(key.value) for key in table.rows]
        table.move_cursor(row=ids.index(older))
        await pilot.press("r")
        await pilot.pause()
        rename = app.screen.query_one("#rename-input")
        rename.value = "Renamed GmbH"
        await pilot.press("enter")
        await pilot.pause()
        assert context.session_store.summary(older).company == "Renamed GmbH"
        current = app.main_screen.coach  # the open one is renamed through its coach
        table.move_cursor(row=[str(k.value) for k in table.rows].index(current.session_id))
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#rename-input").value = "Current AG"
        await pilot.press("enter")
        await pilot.pause()
        assert (current.state.company, current.draft.name) == ("Current AG", "Current AG")
        assert context.session_store.summary(current.session_id).company == "Current AG"
        table.move_cursor(row=[str(k.value) for k in table.rows].index(older))
        await pilot.press("enter")
        await recorder.wait_for(pilot, lambda: len(recorder.of(CoachReady)) >= 2)
        assert recorder.of(CoachReady)[-1].coach.session_id == older


@pytest.mark.slow
async def test_citations_link_to_the_sources_view(recorder: Recorder) -> None:
    from icp_coach.embeddings import HashingEmbedder
    from icp_coach.tui.messages import PreparationProgress
    from icp_coach.tui.screens.sources import SourcesScreen

    context = make_app(Settings(engine="offline"), embedder=HashingEmbedder())
    app = make_tui(context, with_knowledge=True)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_for(pilot, lambda: any(m.finished for m in
                                                   recorder.of(PreparationProgress)))
        assert [m.ok for m in recorder.of(PreparationProgress) if m.finished] == [True]
        await recorder.wait_turns(pilot, 1)
        await type_and_send(pilot, INTERVIEW[0])
        await recorder.wait_turns(pilot, 2)
        cited = recorder.events(ReplyDone)[-1].citations
        assert cited, "the reply after indexing cites the knowledge base"
        line = app.screen.query(CoachReply).last().query_one(".citations")
        assert "[1]" in str(line.render())
        await pilot.click(line)
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        shown = " ".join(str(s.render()) for s in app.screen.query(".passage"))
        assert cited[0].doc_id in shown and cited[0].text.strip()[:40] in shown


async def test_escape_stops_a_streaming_reply_and_the_answer_stays_saved(
        recorder: Recorder) -> None:
    import asyncio

    class EndlessWriter:
        name = "endless"

        async def stream_reply(self, request):
            while True:
                yield "more "
                await asyncio.sleep(0.01)

    context = make_app(Settings(engine="offline"))
    context.__dict__["reply_writer"] = EndlessWriter()
    app = make_tui(context, with_knowledge=False)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_for(pilot, lambda: app.screen.coach is not None and app.screen.busy,
                                workers=False)
        await pilot.press("escape")
        await recorder.wait_turns(pilot, 1)
        assert recorder.of(TurnFinished)[0].cancelled
        assert "(reply stopped)" in chat_replies(app)[-1]
        assert not app.screen.busy
        await type_and_send(pilot, INTERVIEW[0])
        await recorder.wait_for(pilot, lambda: app.screen.busy, workers=False)
        await pilot.press("escape")
        await recorder.wait_turns(pilot, 2)
        coach = app.screen.coach
        said = [t.text for t in context.session_store.turns(coach.session_id)]
        assert INTERVIEW[0] in said  # committed before the reply began
        assert coach.draft.pmf.reached  # applied; the step waits for the user's yes


async def test_personas_are_drafted_edited_and_saved_in_the_icp(recorder: Recorder,
                                                                 tmp_path: Path) -> None:
    from textual.widgets import Static, TextArea

    from icp_coach.tui.messages import PersonasDrafted
    from icp_coach.tui.screens.personas import PersonasScreen

    app = offline_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        for number, answer in enumerate(INTERVIEW[:8], start=2):
            await type_and_send(pilot, answer)
            await recorder.wait_turns(pilot, number)
        coach = app.screen.coach
        assert coach.step == 4 and coach.draft.personas == []
        await pilot.press("ctrl+p")
        await recorder.wait_for(pilot, lambda: isinstance(app.screen, PersonasScreen))
        drafted = recorder.of(PersonasDrafted)[0].personas
        assert {"Head of Finance Operations", "CFO"} & {p.title for p in drafted}
        editor = app.screen.query_one("#personas-text", TextArea)
        first_name = drafted[0].name
        assert f"name: {first_name}" in editor.text  # an editable YAML list of the personas

        # A broken edit: the error names the line, the cursor goes there, nothing is stored.
        lines = editor.text.splitlines()
        bad_line = max(n for n, line in enumerate(lines) if line.startswith("- role:"))
        lines[bad_line] = "- role: boss"
        editor.text = "\n".join(lines) + "\n"
        await pilot.click("#personas-save")
        await pilot.pause()
        assert isinstance(app.screen, PersonasScreen)
        error = str(app.screen.query_one("#personas-error", Static).render())
        assert f"Line {bad_line + 1} (" in error and "role" in error
        assert editor.cursor_location[0] == bad_line
        assert coach.draft.personas == []

        # Fixed and renamed: exported to Markdown, then saved into the ICP through the coach.
        editor.text = editor.text.replace("- role: boss", f"- role: {drafted[-1].role}").replace(
            f"name: {first_name}", "name: Bea from billing")
        target = tmp_path / "personas.md"
        app.screen.query_one("#personas-path").value = str(target)
        await pilot.click("#personas-export")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# Buyer personas")
        assert "Bea from billing" in target.read_text(encoding="utf-8")
        await pilot.click("#personas-save")
        await recorder.wait_for(pilot, lambda: not isinstance(app.screen, PersonasScreen))
        assert coach.draft.personas[0].name == "Bea from billing"
        assert len(coach.draft.personas) == len(drafted)
        stored = app.context.session_store.load_state(coach.session_id).draft
        assert stored.personas == coach.draft.personas  # committed: survives a crash
        assert "Bea from billing" in coach.export_text("md")
        assert json.loads(coach.export_text("json"))["personas"][0]["name"] == "Bea from billing"
        assert "personas" in recorder.events(ICPUpdated)[-1].changed_paths

        # ctrl+p again opens what is stored (no new draft); /undo takes the personas back out.
        await pilot.press("ctrl+p")
        await recorder.wait_for(pilot, lambda: isinstance(app.screen, PersonasScreen))
        assert "name: Bea from billing" in app.screen.query_one("#personas-text", TextArea).text
        await pilot.press("escape")
        await pilot.pause()
        await type_and_send(pilot, "/undo")
        await recorder.wait_turns(pilot, 6)
        assert coach.draft.personas == []


@pytest.mark.slow
async def test_a_crm_export_in_step_1_drafts_an_answer_the_coach_takes(
        recorder: Recorder, tmp_path: Path) -> None:
    from icp_coach.tui.messages import AttachmentAnalysed
    from icp_coach.tui.screens.attach import AttachmentScreen
    from tests.tui.crm_fixture import write_customers_csv

    app = offline_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await type_and_send(pilot, INTERVIEW[0])
        await recorder.wait_turns(pilot, 2)
        await type_and_send(pilot, INTERVIEW[1])  # the user confirms the PMF step
        await recorder.wait_turns(pilot, 3)
        assert app.screen.coach.step == 1
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#attach-path").value = str(
            write_customers_csv(tmp_path / "customers.csv"))
        await pilot.press("enter")
        await recorder.wait_for(pilot, lambda: isinstance(app.screen, AttachmentScreen))
        answer = recorder.of(AttachmentAnalysed)[0].attachment.answer
        assert "fintech" in answer and "200-1,000 employees" in answer
        await pilot.click("#attachment-use")
        await pilot.pause()
        assert app.screen.query_one(PromptInput).text == answer  # to edit, then send
        await pilot.press("enter")
        await recorder.wait_turns(pilot, 4)
        firmographics = app.screen.coach.draft.firmographics
        assert "fintech" in [i.lower() for i in firmographics.industries]
        assert firmographics.employees.min == 200


async def test_attach_and_personas_keys_show_only_in_their_steps(recorder: Recorder) -> None:
    from icp_coach.tui.screens.attach import AttachDialog

    def footer_actions() -> set[str]:
        return {active.binding.action for active in app.screen.active_bindings.values()
                if active.enabled and active.binding.show}

    app = offline_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        assert not {"attach", "personas"} & footer_actions()  # step 0
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert not isinstance(app.screen, AttachDialog)
        await type_and_send(pilot, INTERVIEW[0])
        await recorder.wait_turns(pilot, 2)
        await type_and_send(pilot, INTERVIEW[1])  # the user confirms the PMF step
        await recorder.wait_turns(pilot, 3)
        assert "attach" in footer_actions() and "personas" not in footer_actions()
        await type_and_send(pilot, "/step 4")
        await recorder.wait_turns(pilot, 4)
        assert "personas" in footer_actions() and "attach" not in footer_actions()


@pytest.mark.slow
async def test_a_transcript_in_step_2_drafts_pains_with_the_customers_words(
        recorder: Recorder) -> None:
    from icp_coach.embeddings import HashingEmbedder
    from icp_coach.tui.messages import AttachmentAnalysed
    from icp_coach.tui.screens.attach import AttachmentScreen

    context = make_app(Settings(engine="offline"), embedder=HashingEmbedder())
    app = make_tui(context, with_knowledge=False)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await pilot.click("#step-2")
        await recorder.wait_turns(pilot, 2)
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#attach-path").value = str(TRANSCRIPT)
        await pilot.click("#attach-go")
        await recorder.wait_for(pilot, lambda: isinstance(app.screen, AttachmentScreen))
        found = recorder.of(AttachmentAnalysed)[0].attachment
        assert found.answer.startswith("From a customer interview:")
        assert "pain: " in found.answer
        assert TRANSCRIPT.stem in found.report or "Ledgerly" in found.report
        await pilot.click("#attachment-use")
        await pilot.pause()
        await pilot.press("enter")
        await recorder.wait_turns(pilot, 3)
        assert app.screen.coach.draft.pain_points  # the coach took the pains from the answer


async def test_a_sessions_database_it_cannot_open_is_reported_in_the_app(
        recorder: Recorder, isolated_dirs: Path) -> None:
    import sqlite3

    from icp_coach.tui.messages import CoachStartFailed

    database = isolated_dirs / "data" / "sessions.sqlite3"
    database.parent.mkdir(parents=True)
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        db.execute("INSERT INTO schema_version VALUES (99)")
    app = offline_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_for(pilot, lambda: bool(recorder.of(CoachStartFailed)))
        failed = recorder.of(CoachStartFailed)[0]
        assert "newer than this icp-coach" in failed.message and failed.what_to_do
        assert any("newer than" in n.message for n in app._notifications)
        assert app.is_running


async def test_a_new_model_in_settings_reopens_the_session_with_it(recorder: Recorder) -> None:
    app = offline_app()
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await type_and_send(pilot, INTERVIEW[0])
        await recorder.wait_turns(pilot, 2)
        first = recorder.of(CoachReady)[0].coach
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one("#model").value = "qwen2.5-7b-instruct"
        await pilot.click("#save")
        await recorder.wait_for(pilot, lambda: len(recorder.of(CoachReady)) >= 2)
        again = recorder.of(CoachReady)[-1]
        assert again.resumed and again.coach.session_id == first.session_id
        assert app.context.settings.model == "qwen2.5-7b-instruct"
        assert again.coach.draft.pmf.reached  # nothing answered was lost
        assert [turn.text for turn in app.screen.query(UserTurn)] == [INTERVIEW[0]]


async def test_connection_test_reports_a_refused_endpoint(recorder: Recorder) -> None:
    import socket

    from icp_coach.tui.messages import ConnectionChecked

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Settings(engine="offline", max_retries=0, timeout_seconds=5)
    app = make_tui(make_app(settings), with_knowledge=False)
    async with app.run_test(size=SIZE, message_hook=recorder) as pilot:
        await recorder.wait_turns(pilot, 1)
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#engine").value = "llm"
        screen.query_one("#base-url").value = f"http://127.0.0.1:{port}/v1"
        await pilot.click("#test")
        await recorder.wait_for(pilot, lambda: bool(recorder.of(ConnectionChecked)))
        checked = recorder.of(ConnectionChecked)[0]
        assert not checked.ok
        shown = str(screen.query_one("#connection-result").render())
        assert "failed" in shown.lower() and str(port) in shown
