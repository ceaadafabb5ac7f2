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


AFTER_FIX = CASES / "after_fix"


@pytest.mark.parametrize(("folder", "name"), [(CASES, name) for name in score.GOLD]
                         + [(AFTER_FIX, name) for name in score.gold_of(AFTER_FIX)])
def test_both_sides_and_the_customer_quotes_come_out_right(folder: Path, name: str) -> None:
    row = score.score_case(name, folder)
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


def _json_file(tmp_path: Path, name: str, document: object) -> Path:
    file = tmp_path / name
    file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return file


def test_messenger_newest_first_and_mangled_accents_read_in_order_and_right(tmp_path: Path) -> None:
    said = [("Ana Roth", "How do you book a tasting today?", 1773309720000),
            ("Zoë Blanc", "By phone. I don’t keep a calendar, so I double-book.", 1773309780000),
            ("Ana Roth", "When did that last happen?", 1773309840000),
            ("Zoë Blanc", "Saturday: two groups of eight at the same table.", 1773309900000)]
    messages = [{"sender_name": who.encode("utf-8").decode("latin-1"), "timestamp_ms": at,
                 "content": text.encode("utf-8").decode("latin-1")} for who, text, at in reversed(said)]
    document = {"participants": [{"name": "Ana Roth"}, {"name": "Zoë Blanc"}], "messages": messages}
    transcript = load_transcript(_json_file(tmp_path, "message_1.json", document))
    assert [(t.speaker, t.text) for t in transcript.turns] == [(who, text) for who, text, _ in said]
    assert transcript.interviewers == ["Ana Roth"]


def test_google_chat_takeout_names_the_creator(tmp_path: Path) -> None:
    messages = [{"creator": {"name": who, "email": f"{who.lower()}@example.org"}, "created_date": "Thursday, "
                 f"March 12, 2026 at 10:0{i}:00 AM UTC", "text": text}
                for i, (who, text) in enumerate([("Ana", "How do you track the orders now?"),
                                                 ("Ben", "In a paper book, and it goes missing."),
                                                 ("Ana", "What happens then?"),
                                                 ("Ben", "We call every customer back, a whole morning.")])]
    transcript = load_transcript(_json_file(tmp_path, "messages.json", {"messages": messages}))
    assert [t.speaker for t in transcript.turns] == ["Ana", "Ben", "Ana", "Ben"]
    assert transcript.turns[1].timestamp == "10:01:00" and transcript.interviewers == ["Ana"]


def test_azure_batch_transcription_reads_the_best_phrase_and_its_offset(tmp_path: Path) -> None:
    def phrase(speaker: int, offset: str, text: str) -> dict[str, object]:
        return {"recognitionStatus": "Success", "channel": 0, "speaker": speaker, "offset": offset,
                "duration": "PT3S", "nBest": [{"confidence": 0.9, "lexical": text.lower(), "display": text,
                                               "words": [{"word": "x", "offset": offset}]}]}
    document = {"source": "call.wav", "combinedRecognizedPhrases": [{"channel": 0, "display": "everything"}],
                "recognizedPhrases": [phrase(1, "PT0.5S", "How do you plan the rounds today?"),
                                      phrase(2, "PT1M2.5S", "On paper, and we miss a house every week."),
                                      phrase(1, "PT1M9S", "What does a missed house cost you?"),
                                      phrase(2, "PT1M12S", "A refund and usually the customer.")]}
    transcript = load_transcript(_json_file(tmp_path, "azure.json", document))
    assert [(t.speaker, t.timestamp) for t in transcript.turns][:2] == [("1", "00:00:00"), ("2", "00:01:02")]
    assert transcript.turns[1].text == "On paper, and we miss a house every week."
    assert transcript.interviewers == ["1"]


def test_speechmatics_words_become_speaker_turns(tmp_path: Path) -> None:
    def words(speaker: str, start: float, text: str) -> list[dict[str, object]]:
        items: list[dict[str, object]] = []
        for offset, word in enumerate(text.rstrip("?.").split()):
            items.append({"type": "word", "start_time": start + offset, "end_time": start + offset + 0.5,
                          "alternatives": [{"content": word, "confidence": 0.9, "speaker": speaker}]})
        items.append({"type": "punctuation", "start_time": start + 9, "attaches_to": "previous",
                      "alternatives": [{"content": text[-1], "speaker": speaker}]})
        return items
    document = {"format": "2.9", "results": words("S1", 0, "How do you store the stock?")
                + words("S2", 10, "In the garage, and the damp ruins the labels.")
                + words("S1", 20, "What have you tried?") + words("S2", 30, "Plastic boxes, but they crack.")}
    transcript = load_transcript(_json_file(tmp_path, "speechmatics.json", document))
    assert [(t.speaker, t.text) for t in transcript.turns][:2] == [
        ("S1", "How do you store the stock?"), ("S2", "In the garage, and the damp ruins the labels.")]
    assert transcript.interviewers == ["S1"]


def test_an_excel_workbook_is_read_from_its_fullest_sheet(tmp_path: Path) -> None:
    from datetime import time

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["导出自多维表格"])
    sheet = workbook.create_sheet("访谈")
    sheet.append(["序号", "说话人", "开始时间", "文本内容"])
    for index, (who, text) in enumerate([("周航", "您现在怎么派单？"), ("钱师傅", "都是电话派，记在本子上，经常漏单。"),
                                         ("周航", "漏单会怎样？"), ("钱师傅", "客户打电话来骂，上个月退了一单。")], 1):
        sheet.append([index, who, time(0, 0, index * 7), text])
    file = tmp_path / "interview.xlsx"
    workbook.save(file)
    transcript = load_transcript(file)
    assert [(t.speaker, t.timestamp) for t in transcript.turns][:2] == [("周航", "00:00:07"), ("钱师傅", "00:00:14")]
    assert transcript.interviewers == ["周航"]


def test_a_broken_or_old_excel_file_says_what_to_do(tmp_path: Path) -> None:
    broken, old = tmp_path / "a.xlsx", tmp_path / "b.xls"
    broken.write_text("not a workbook", encoding="utf-8")
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(TranscriptError, match=r"cannot be opened as an Excel workbook.*save it from the spreadsheet as \.xlsx or \.csv"):
        load_transcript(broken)
    with pytest.raises(TranscriptError, match=r"old Excel \.xls.*save it from the spreadsheet as \.xlsx or \.csv"):
        load_transcript(old)


_ASK, _TELL, _ASK2, _TELL2 = ("How do you plan the rounds today?", "On paper, and we miss a house every week.",
                              "What does a missed house cost you?", "A refund, and usually the customer too.")
CHAT_TEXTS = {
    "Telegram's copied messages": "Ana Roth, [12.03.26 10:02]\n{q}\n\n{c}, [12.03.26 10:03]\n{a}\n\n"
                                  "Ana Roth, [12.03.26 10:04]\n{q2}\n\n{c}, [12.03.26 10:05]\n{a2}\n",
    "WhatsApp, a contact known by number": "12/03/2026, 10:02 - Ana Roth: {q}\n12/03/2026, 10:02 - {c}: {a}\n"
                                           "12/03/2026, 10:03 - Ana Roth: {q2}\n12/03/2026, 10:03 - {c}: {a2}\n",
    "WhatsApp US, AM/PM": "[3/12/26, 2:02:11 PM] Ana Roth: {q}\n[3/12/26, 2:02:41 PM] {c}: {a}\n"
                          "[3/12/26, 2:03:11 PM] Ana Roth: {q2}\n[3/12/26, 2:03:41 PM] {c}: {a2}\n",
    "date, time, name and colon": "2026-03-12 10:02:33 Ana Roth: {q}\n2026-03-12 10:03:00 {c}: {a}\n"
                                  "2026-03-12 10:03:30 Ana Roth: {q2}\n2026-03-12 10:04:00 {c}: {a2}\n",
    "name and colon above the date": "Ana Roth: 2026-03-12 10:02:33\n{q}\n{c}: 2026-03-12 10:03:00\n{a}\n"
                                     "Ana Roth: 2026-03-12 10:03:30\n{q2}\n{c}: 2026-03-12 10:04:00\n{a2}\n",
    "a date line above each sender (iMessage)": "Mar 12, 2026 10:02:00 AM\nAna Roth\n{q}\n\nMar 12, 2026 10:02:30 AM\n"
                                                "{c}\n{a}\n\nMar 12, 2026 10:03:00 AM\nAna Roth\n{q2}\n\n"
                                                "Mar 12, 2026 10:03:30 AM\n{c}\n{a2}\n",
    "LINE's day line and tab columns": "2026.03.12 Thursday\n10:02\tAna Roth\t{q}\n10:02\t{c}\t{a}\n10:03\tAna Roth\t{q2}\n"
                                       "10:03\t{c}\t{a2}\n",
}


@pytest.mark.parametrize("layout", list(CHAT_TEXTS))
def test_chat_text_exports_give_each_message_to_its_sender(layout: str) -> None:
    customer = "+44 7700 900123" if "number" in layout else "Ben Alder"
    text = CHAT_TEXTS[layout].format(q=_ASK, a=_TELL, q2=_ASK2, a2=_TELL2, c=customer)
    transcript = parse_transcript(text, "chat.txt")
    assert [(t.speaker, t.text) for t in transcript.turns] == [
        ("Ana Roth", _ASK), (customer, _TELL), ("Ana Roth", _ASK2), (customer, _TELL2)]
    assert transcript.interviewers == ["Ana Roth"]


def test_a_column_per_person_works_for_three_customers_and_a_one_off_speaker() -> None:
    text = ("| 时间 | 访谈员 | 老板 | 老板娘 | 伙计 | 备注 |\n| --- | --- | --- | --- | --- | --- |\n"
            "| 00:01 | 您好，您店里现在怎么记账？ | | | | |\n"
            "| 00:05 | | 都是我老婆记，记在本子上。 | | | 记账靠人工，没有软件 |\n"
            "| 00:09 | | | 对，每天晚上对一遍，经常对不上。 | | |\n"
            "| 00:15 | 对不上的时候怎么办？ | | | | |\n"
            "| 00:18 | | 只能一笔一笔翻，有时候翻到半夜。 | | | |\n"
            "| 00:25 | | | | 我这边收的现金也要交给她对。 | |\n"
            "| 00:30 | 谢谢你们。 | | | | |\n\n## 小结\n\n| 要点 | 说明 |\n| --- | --- |\n| 记账 | 手工记账，对账慢 |\n")
    transcript = parse_transcript(text, "cols.md", fmt="table")
    assert transcript.interviewers == ["访谈员"]
    assert [t.speaker for t in transcript.customer_turns()] == ["老板", "老板娘", "老板", "伙计"]
    assert not any("手工记账" in t.text or "没有软件" in t.text for t in transcript.turns)  # notes, summary
