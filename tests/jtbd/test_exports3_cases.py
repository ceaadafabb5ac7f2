"""Chat-app, table and speech-API exports a user drops in as they come (interviewer_cases/exports3/
README.md): WhatsApp, Slack, Discord, Telegram, QQ, Notion and 飞书 tables, AssemblyAI, Amazon
Transcribe, Rev, Deepgram, 阿里云, 腾讯云. Read without --interviewer, the research side and the
customer side must come out right and the customer's words must stay on the customer side."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from icp_coach.cli.main import cli
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.loader import load_transcript, parse_transcript

CASES = Path(__file__).resolve().parent / "interviewer_cases" / "exports3"
_spec = importlib.util.spec_from_file_location("exports3_score", CASES / "score.py")
assert _spec is not None and _spec.loader is not None
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


@pytest.mark.parametrize("name", list(score.GOLD))
def test_both_sides_and_the_customer_quotes_come_out_right(name: str) -> None:
    row = score.score_case(name)
    assert row["readable"], row.get("error")
    assert row["interviewers"] and row["customers"], row
    assert row["customer_quotes"] == row["quotes"] and row["research_quotes"] == 0


def test_a_whisper_file_without_speakers_is_refused_naming_whisper_and_the_fix() -> None:
    with pytest.raises(TranscriptError) as error:
        load_transcript(CASES / "unreadable_whisper_no_speakers.json")
    message = str(error.value)
    assert "Whisper" in message and "no speakers" in message and "diarization" in message


def test_the_chosen_interviewers_are_named_on_stderr_and_in_the_json() -> None:
    name = str(CASES / "en02_rug_cleaning_slack.json")
    result = CliRunner().invoke(cli, ["jtbd", name, "--engine", "offline", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "interviewer(s): Marco Ruiz, Jo Kim" in result.stderr
    assert json.loads(result.stdout)["interviews"][0]["interviewers"] == ["Marco Ruiz", "Jo Kim"]


def test_app_notices_and_media_placeholders_are_nobodys_words() -> None:
    for name in ("en01_reptile_whatsapp_ios.txt", "zh07_archery_whatsapp_android.txt", "zh01_tiedye_qq.txt",
                 "en02_rug_cleaning_slack.json", "en09_forge_telegram_result.json"):
        spoken = " ".join(t.text for t in load_transcript(CASES / name).turns)
        for notice in ("end-to-end", "端到端", "omitted", "省略影音", "[图片]", "has joined the channel",
                       "消息记录", "消息分组"):
            assert notice not in spoken, (name, notice)


def test_a_slack_guest_without_a_profile_on_every_message_stays_one_person() -> None:
    transcript = load_transcript(CASES / "en02_rug_cleaning_slack.json")
    assert {t.speaker for t in transcript.turns} == {"Marco Ruiz", "Jo Kim", "Denise Harlow"}
    assert not any(t.speaker.startswith("U0") for t in transcript.turns)


def test_slack_mentions_read_as_names(tmp_path: Path) -> None:
    messages = [
        {"type": "message", "user": "U1", "text": "Thanks <@U2>, how do you book jobs today?",
         "ts": "1773309720.0001", "user_profile": {"real_name": "Ana Roth"}},
        {"type": "message", "user": "U2", "text": "By phone, and I lose half of the notes.",
         "ts": "1773309760.0001", "user_profile": {"real_name": "Ben Alder"}},
    ]
    file = tmp_path / "channel.json"
    file.write_text(json.dumps(messages), encoding="utf-8")
    transcript = load_transcript(file)
    assert transcript.turns[0].text == "Thanks @Ben Alder, how do you book jobs today?"
    assert transcript.turns[0].timestamp == "10:02:00"


def test_telegram_formatted_text_is_one_message_and_calls_are_no_turn() -> None:
    transcript = load_transcript(CASES / "en09_forge_telegram_result.json")
    owen = [t.text for t in transcript.turns if t.speaker == "Owen Pryce"]
    assert "Not at all. Half the time I drive out to measure again, and that is a morning gone." in owen[1]
    assert len(transcript.turns) == 11


def test_amazon_transcribe_words_keep_their_punctuation_and_speakers() -> None:
    transcript = load_transcript(CASES / "en05_cattery_aws_transcribe.json")
    first = transcript.turns[1]
    assert (first.speaker, first.text) == ("spk_1", "They ring us, and I write it in the big diary at reception.")
    assert [t.speaker for t in transcript.turns[:3]] == ["spk_0", "spk_1", "spk_2"]


def test_a_date_written_in_one_message_is_not_a_chat_stamp() -> None:
    text = "Ana: We started on 12/03/2026, 10:02 - Ben: that was the first visit.\nBen: Yes, I remember it.\n"
    transcript = parse_transcript(text, "notes.txt")
    assert [t.speaker for t in transcript.turns] == ["Ana", "Ben"]
    assert transcript.turns[0].text.startswith("We started on 12/03/2026")


def test_a_table_with_unexpected_headers_keeps_its_header_out_of_the_speech() -> None:
    for name, header_words in (("zh03_bonsai_notion_table.md", ("原话", "谁说的", "序号")),
                               ("zh02_brass_repair_feishu_base.csv", ("文本内容", "说话人")),
                               ("en06_lamp_repair_notion.csv", ("Speaker", "Name"))):
        transcript = load_transcript(CASES / name)
        assert not any(t.speaker in header_words or t.text in header_words for t in transcript.turns), name
        assert transcript.turns[0].timestamp in ("00:00:00", None), name  # a row number is not a time


def test_a_table_whose_first_row_is_speech_is_not_taken_for_a_header(tmp_path: Path) -> None:
    rows = ["Ana,How do you plan the week?", "Ben,On a whiteboard in the yard.", "Ana,What goes wrong?",
            "Ben,It rains and the marker runs.", "Ana,What would help?", "Ben,Something on my phone."]
    file = tmp_path / "call.csv"
    file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    transcript = load_transcript(file)
    assert transcript.turns[0].text == "How do you plan the week?"
    assert transcript.interviewers == ["Ana"]


def test_qq_group_titles_and_mail_accounts_do_not_split_a_person() -> None:
    text = ("2026-03-12 10:02:00 【管理员】小林<lin.x@qq.com>\n您好，想问下您现在怎么派单？\n\n"
            "2026-03-12 10:02:30 老周(10001)\n都是电话派，记在本子上。\n\n"
            "2026-03-12 10:03:00 小林<lin.x@qq.com>\n本子会丢吗？\n\n"
            "2026-03-12 10:03:20 老周(10001)\n丢过两次，很麻烦。\n")
    transcript = parse_transcript(text, "qq.txt")
    assert [(t.speaker, t.is_interviewer) for t in transcript.turns] == [
        ("小林", True), ("老周", False), ("小林", True), ("老周", False)]
    assert transcript.interviewers == ["小林"]


def test_a_question_and_answer_table_puts_each_column_on_its_side() -> None:
    text = ("| 序号 | 访谈问题 | 受访者回答 | 标签 |\n| --- | --- | --- | --- |\n"
            "| 1 | 您现在怎么记录每天的收货量？ | 靠工人在本子上写，晚上我再抄到电脑里。 | 现状 |\n"
            "| 2 | 抄的时候会出错吗？ | 经常抄错，上个月有一批货的数量对不上，少收了两千块。 | 痛点 |\n"
            "| 3 | 您试过别的办法吗？ | 试过扫码枪，但是仓库里信号太差，扫不上。 | 尝试 |\n")
    transcript = parse_transcript(text, "qa.md", fmt="table")
    assert transcript.interviewers == ["访谈问题"]
    assert [t.text for t in transcript.customer_turns()][1] == "经常抄错，上个月有一批货的数量对不上，少收了两千块。"
    assert not any(t.text in ("现状", "痛点", "1", "2") for t in transcript.turns)


def test_a_table_with_a_column_per_person_reads_who_said_each_cell(tmp_path: Path) -> None:
    file = tmp_path / "call.csv"
    file.write_text("Time,Host,Dana Ortiz\n00:00:01,How do you plan deliveries today?,\n"
                    "00:00:05,,On a whiteboard in the yard and a lot of phone calls.\n"
                    "00:00:12,What goes wrong with that?,\n"
                    "00:00:15,,It rains and the marker runs. Last week we lost a whole day.\n", encoding="utf-8")
    transcript = load_transcript(file)
    assert [(t.speaker, t.is_interviewer, t.timestamp) for t in transcript.turns][:2] == [
        ("Host", True, "00:00:01"), ("Dana Ortiz", False, "00:00:05")]
    assert transcript.customer_turns()[1].line == 5  # cited where the user finds it
