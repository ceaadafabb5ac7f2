"""Transcripts in the containers people receive them in: an Excel workbook, or the JSON a
speech-to-text or meeting service returns. What a user notices: who spoke, which turns are the
interviewer's, the customer's words intact, a quote cited at its row, a clear refusal otherwise."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from icp_coach.cli.main import cli
from icp_coach.domain.transcript import Transcript
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.loader import load_transcript


def said(transcript: Transcript) -> list[tuple[str, str]]:
    return [(turn.speaker, turn.text) for turn in transcript.turns]


def interviewers(transcript: Transcript) -> set[str]:
    return {turn.speaker for turn in transcript.turns if turn.is_interviewer}


def write_json(tmp_path: Path, name: str, document: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


# --- spreadsheets ------------------------------------------------------------------------------

def chinese_workbook(path: Path) -> Path:
    """A notes sheet first; on the transcript sheet a merged title row, 时间/说话人/内容, a
    speaker cell merged over two rows, a blank row."""
    book = Workbook()
    notes = book.active
    notes.title = "备注"
    notes.append(["要点", "客户靠纸质工单派活"])
    sheet = book.create_sheet("访谈记录")
    sheet.append(["汽车贴膜店访谈 3月5日"])
    sheet.merge_cells("A1:C1")
    sheet.append(["时间", "说话人", "内容"])
    sheet.append([dt.time(0, 0, 4), "访谈人", "您以前是怎么安排师傅的工位的？"])
    sheet.append([dt.time(0, 0, 9), "赵店长", "以前客户到店才排，"])
    sheet.append([dt.time(0, 0, 12), None, "周末经常三台车等一个工位。"])
    sheet.merge_cells("B4:B5")
    sheet.append([])
    sheet.append([dt.time(0, 0, 20), "访谈人", "后来为什么要换？"])
    sheet.append([dt.time(0, 0, 24), "赵店长", "有个客户等了两个小时，最后没贴就走了，\n还在群里说我们不靠谱。"])
    book.save(path)
    return path


def test_an_xlsx_transcript_is_read_like_its_csv_from_the_transcript_sheet(tmp_path: Path) -> None:
    transcript = load_transcript(chinese_workbook(tmp_path / "贴膜.xlsx"))
    assert said(transcript) == [
        ("访谈人", "您以前是怎么安排师傅的工位的？"),
        ("赵店长", "以前客户到店才排，周末经常三台车等一个工位。"),
        ("访谈人", "后来为什么要换？"),
        ("赵店长", "有个客户等了两个小时，最后没贴就走了，还在群里说我们不靠谱。"),
    ]
    assert interviewers(transcript) == {"访谈人"}
    assert transcript.turns[1].timestamp == "00:00:09"
    assert any("'访谈记录'" in warning and "'备注'" in warning for warning in transcript.warnings)


def test_cli_cites_an_xlsx_quote_at_the_row_the_customer_said_it_on(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Start", "Participant", "Transcript"])
    rows = [
        ("Interviewer", "How did you plan the crew's week before?"),
        ("Kofi", "On a whiteboard every Sunday night, and a storm made the whole board wrong by Monday."),
        ("Interviewer", "What made you change it?"),
        ("Kofi", "We sent the chipper truck to the wrong street and lost a neighbourhood of customers. "
                 "I was worried the climbers would not read their phones."),
        ("Interviewer", "What matters most now?"),
        ("Kofi", "I need every climber to see tomorrow's job and the hazard notes the night before."),
    ]
    for index, (speaker, text) in enumerate(rows):
        sheet.append([f"00:{index:02d}:00", speaker, text])
    path = tmp_path / "crew.xlsx"
    book.save(path)
    result = CliRunner().invoke(cli, ["jtbd", str(path), "--engine", "offline", "--json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    interview = json.loads(result.stdout)["interviews"][0]
    evidence = [item for force in interview["forces"].values() for finding in force
                for item in finding["evidence"]]
    assert evidence, interview
    for item in evidence:
        speaker, text = rows[item["line"] - 2]  # row 1 is the header
        assert speaker == "Kofi" and item["quote"] in text
    assert "interviewer(s): Interviewer" in result.stderr


def test_an_xlsm_with_a_role_column_and_text_merged_across_columns(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["发言人", "角色", "文本", None])
    sheet.merge_cells("C1:D1")
    sheet.append(["小吴", "访谈人", "以前印刷订单是怎么排产的？", None])
    sheet.append(["陈厂长", "受访者", "在白板上排，客户改稿没人改，结果印错了三千个礼盒。", None])
    for row in (2, 3):
        sheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=4)
    path = tmp_path / "印刷.xlsm"
    book.save(path)
    transcript = load_transcript(path)
    assert said(transcript)[1] == ("陈厂长", "在白板上排，客户改稿没人改，结果印错了三千个礼盒。")
    assert interviewers(transcript) == {"小吴"}


def test_a_workbook_saved_under_another_name_is_read_by_its_content(tmp_path: Path) -> None:
    renamed = chinese_workbook(tmp_path / "x.xlsx").rename(tmp_path / "访谈下载")
    transcript = load_transcript(renamed)
    assert said(transcript)[1] == ("赵店长", "以前客户到店才排，周末经常三台车等一个工位。")


def test_a_workbook_without_speaker_and_text_columns_says_what_it_saw(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["Invoice", "Amount"])
    book.active.append(["INV-001", 120.5])
    path = tmp_path / "invoices.xlsx"
    book.save(path)
    with pytest.raises(TranscriptError, match=r"no speaker and text columns.*'Invoice', 'Amount'"):
        load_transcript(path)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("call.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, r"old Excel \.xls.*save it .*as \.xlsx or \.csv"),
    ("call.numbers", b"PK\x03\x04\x14\x00", r"Apple Numbers.*Export To > Excel \(\.xlsx\) or CSV"),
    ("call.ods", b"PK\x03\x04\x14\x00", r"OpenDocument spreadsheet.*\.xlsx or \.csv"),
    ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, r"password-protected workbook"),
    ("broken.xlsx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", r"cannot be opened as an Excel workbook"),
])
def test_spreadsheets_icp_coach_does_not_read_are_refused_naming_what_to_save_as(
        tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TranscriptError, match=message):
        load_transcript(path)


def test_a_numbers_package_folder_is_refused_as_a_numbers_file(tmp_path: Path) -> None:
    package = tmp_path / "interview.numbers"
    package.mkdir()
    with pytest.raises(TranscriptError, match="Apple Numbers"):
        load_transcript(package)


# --- speech and meeting services' JSON ---------------------------------------------------------

def test_tencent_asr_result_detail_gives_speakers_and_sentences(tmp_path: Path) -> None:
    detail = [
        {"FinalSentence": "您以前收废品怎么记账？", "StartMs": 300, "EndMs": 2100, "SpeakerId": 0,
         "Words": [{"Word": "您", "OffsetStartMs": 0, "OffsetEndMs": 200}]},
        {"FinalSentence": "以前在硬皮本上记重量和单价，", "StartMs": 2500, "EndMs": 5200, "SpeakerId": 1},
        {"FinalSentence": "本子被雨淋湿了，半个月的账都看不清。", "StartMs": 65400, "EndMs": 69000, "SpeakerId": 1},
    ]
    document = {"Response": {"Data": {"TaskId": 1, "Status": 2, "StatusStr": "success",
                                      "Result": "[0:0.300,0:2.100,0]  您以前收废品怎么记账？\n",
                                      "ResultDetail": detail}, "RequestId": "r1"}}
    transcript = load_transcript(write_json(tmp_path, "回收站.json", document))
    assert said(transcript) == [("0", "您以前收废品怎么记账？"),
                                ("1", "以前在硬皮本上记重量和单价，本子被雨淋湿了，半个月的账都看不清。")]
    assert interviewers(transcript) == {"0"}
    assert transcript.turns[1].timestamp == "00:00:02"


def test_tencent_asr_result_text_alone_is_read_from_its_lines(tmp_path: Path) -> None:
    result = ("[0:0.300,0:2.100,0]  您以前收废品怎么记账？\n"
              "[0:2.500,0:5.200,1]  以前在硬皮本上记重量和单价。\n"
              "[1:5.400,1:9.000,1]  本子被雨淋湿了，半个月的账都看不清。\n")
    document = {"Response": {"Data": {"TaskId": 1, "Status": 2, "Result": result}}}
    transcript = load_transcript(write_json(tmp_path, "回收站.json", document))
    assert [turn.speaker for turn in transcript.turns] == ["0", "1"]
    assert transcript.turns[1].text.endswith("半个月的账都看不清。")
    assert transcript.turns[1].timestamp == "00:00:02"


def test_tingwu_paragraph_words_are_joined_without_spaces(tmp_path: Path) -> None:
    def words(sentence_id: int, *texts: str) -> list[dict[str, Any]]:
        return [{"Id": i, "SentenceId": sentence_id, "Start": 1000 * sentence_id + i, "End": 0, "Text": t}
                for i, t in enumerate(texts)]
    document = {"Code": "0", "Data": {"TaskStatus": "COMPLETED", "Result": {"Transcription": {
        "AudioInfo": {"Duration": 90000}, "Paragraphs": [
            {"ParagraphId": "1", "SpeakerId": "1", "Words": words(1, "以前", "批次", "怎么", "追溯？")},
            {"ParagraphId": "2", "SpeakerId": "2",
             "Words": words(2, "手写", "批次卡，") + words(3, "卡片", "一掉", "就查", "不到。")}]}}}}
    transcript = load_transcript(write_json(tmp_path, "饮片.json", document))
    assert said(transcript) == [("1", "以前批次怎么追溯？"),
                                ("2", "手写批次卡，卡片一掉就查不到。")]
    assert interviewers(transcript) == {"1"}


def test_meeting_paragraphs_name_the_speaker_in_an_object(tmp_path: Path) -> None:
    def paragraph(name: str, *sentences: list[str]) -> dict[str, Any]:
        return {"pid": name, "start_time": 1200, "speaker_info": {"userid": "u", "username": name},
                "sentences": [{"sid": i, "start_time": 1200, "words": [{"wid": j, "text": w}
                                                                         for j, w in enumerate(s)]}
                              for i, s in enumerate(sentences)]}
    document = {"minutes": {"paragraphs": [
        paragraph("周雪", ["你们", "以前", "怎么", "订货？"]),
        paragraph("孙浩", ["店长", "晚上", "报数，"], ["经常", "忘记", "报。"])], "keywords": ["订货"]}}
    transcript = load_transcript(write_json(tmp_path, "会议.json", document))
    assert said(transcript) == [("周雪", "你们以前怎么订货？"), ("孙浩", "店长晚上报数，经常忘记报。")]
    assert interviewers(transcript) == {"周雪"}


@pytest.mark.parametrize("document", [
    {"data": {"result": {"paragraphs": [  # 飞书妙记-like: a speaker object, sentences of contents
        {"paragraph_id": "p1", "start_time": 800, "speaker": {"user_name": "周雪", "user_id": "ou_1"},
         "sentences": [{"contents": [{"content": "你们"}, {"content": "以前"}, {"content": "怎么订货？"}]}]},
        {"paragraph_id": "p2", "start_time": 4200, "speaker": {"user_name": "孙浩", "user_id": "ou_2"},
         "sentences": [{"contents": [{"content": "店长"}, {"content": "晚上报数，"}]},
                       {"contents": [{"content": "经常"}, {"content": "忘记报。"}]}]}]}}},
    {"result": {"paragraphList": [  # 钉钉闪记-like: nickName and a sentenceList
        {"nickName": "周雪", "startTime": 800, "sentenceList": [{"text": "你们以前怎么订货？", "startTime": 800}]},
        {"nickName": "孙浩", "startTime": 4200, "sentenceList": [{"text": "店长晚上报数，", "startTime": 4200},
                                                               {"text": "经常忘记报。", "startTime": 6100}]}]}},
])
def test_nested_meeting_notes_paragraphs(tmp_path: Path, document: dict[str, Any]) -> None:
    transcript = load_transcript(write_json(tmp_path, "妙记.json", document))
    assert said(transcript) == [("周雪", "你们以前怎么订货？"), ("孙浩", "店长晚上报数，经常忘记报。")]
    assert interviewers(transcript) == {"周雪"}


def test_aliyun_sentences_with_capitalised_keys(tmp_path: Path) -> None:
    document = {"StatusText": "SUCCESS", "Result": {"Sentences": [
        {"BeginTime": 340, "EndTime": 2300, "Text": "您店里以前怎么安排工位？", "ChannelId": 0, "SpeakerId": "1"},
        {"BeginTime": 2900, "EndTime": 6100, "Text": "客户到店才排，周末三台车等一个工位。", "ChannelId": 0,
         "SpeakerId": "2"}]}}
    transcript = load_transcript(write_json(tmp_path, "贴膜.json", document))
    assert said(transcript) == [("1", "您店里以前怎么安排工位？"),
                                ("2", "客户到店才排，周末三台车等一个工位。")]


def test_speechmatics_words_and_punctuation_make_english_sentences(tmp_path: Path) -> None:
    def token(content: str, speaker: str, kind: str = "word") -> dict[str, Any]:
        item: dict[str, Any] = {"type": kind, "start_time": 1.0, "end_time": 1.2,
                                "alternatives": [{"content": content, "confidence": 0.9, "speaker": speaker}]}
        if kind == "punctuation":
            item.update(attaches_to="previous", is_eos=content in ".?")
        return item
    results = [token(w, "S1") for w in ("How", "did", "you", "log", "readings")] + [token("?", "S1", "punctuation")]
    results += [token(w, "S2") for w in ("On", "a", "clipboard")] + [token(",", "S2", "punctuation")]
    results += [token(w, "S2") for w in ("then", "I", "typed", "them")] + [token(".", "S2", "punctuation")]
    document = {"format": "2.9", "job": {"id": "x"}, "results": results}
    transcript = load_transcript(write_json(tmp_path, "pool.json", document))
    assert said(transcript) == [("S1", "How did you log readings?"),
                                ("S2", "On a clipboard, then I typed them.")]
    assert interviewers(transcript) == {"S1"}


def test_google_stt_speaker_tags_on_the_last_results_words(tmp_path: Path) -> None:
    spoken = [("How did you book fittings?", 1), ("Brides called and I wrote it in a diary.", 2)]
    words = [{"startTime": f"{i}.5s", "endTime": f"{i}.9s", "word": w, "speakerTag": tag}
             for i, (w, tag) in enumerate((w, tag) for text, tag in spoken for w in text.split())]
    document = {"results": [{"alternatives": [{"transcript": text, "words": []}]} for text, _ in spoken]
                + [{"alternatives": [{"words": words}]}]}
    transcript = load_transcript(write_json(tmp_path, "bridal.json", document))
    assert said(transcript) == [("1", "How did you book fittings?"),
                                ("2", "Brides called and I wrote it in a diary.")]
    assert transcript.turns[1].timestamp == "00:00:05"  # "Brides" starts at 5.5s


def test_azure_recognized_phrases_read_the_display_text(tmp_path: Path) -> None:
    def phrase(speaker: int, offset: str, display: str) -> dict[str, Any]:
        return {"recognitionStatus": "Success", "channel": 0, "speaker": speaker, "offset": offset,
                "nBest": [{"confidence": 0.9, "lexical": display.lower(), "display": display}]}
    document = {"combinedRecognizedPhrases": [{"channel": 0, "display": "How did chefs order? They texted me."}],
                "recognizedPhrases": [phrase(1, "PT0.5S", "How did chefs order?"),
                                      phrase(2, "PT1M2.5S", "They texted me, and I drove wherever.")]}
    transcript = load_transcript(write_json(tmp_path, "knives.json", document))
    assert said(transcript) == [("1", "How did chefs order?"),
                                ("2", "They texted me, and I drove wherever.")]
    assert transcript.turns[1].timestamp == "00:01:02"


def test_speaker_ids_are_named_from_the_files_speaker_list(tmp_path: Path) -> None:
    document = {"speech": {"transcripts": [
        {"start_offset": 0, "speaker_id": 71, "transcript": "How did you track the mounts?"},
        {"start_offset": 3200, "speaker_id": 72, "transcript": "A paper log taped to the freezer."}],
        "speakers": [{"id": 71, "speaker_name": "Priya"}, {"id": 72, "speaker_name": "Hal Brenner"}]}}
    transcript = load_transcript(write_json(tmp_path, "otter.json", document))
    assert [turn.speaker for turn in transcript.turns] == ["Priya", "Hal Brenner"]


def test_a_plain_segment_list_is_still_read_by_its_segments(tmp_path: Path) -> None:
    """WhisperX-style segments with word timings: the segment text (with its punctuation) is read,
    not the words joined again."""
    document = {"segments": [
        {"start": 0.0, "end": 2.0, "text": " How did you plan routes?", "speaker": "SPEAKER_00",
         "words": [{"word": "How", "speaker": "SPEAKER_00"}, {"word": "did", "speaker": "SPEAKER_00"}]},
        {"start": 2.5, "end": 5.0, "text": " Printed sheets, and a clipboard.", "speaker": "SPEAKER_01",
         "words": [{"word": "Printed", "speaker": "SPEAKER_01"}]}]}
    transcript = load_transcript(write_json(tmp_path, "whisperx.json", document))
    assert [turn.text for turn in transcript.turns] == ["How did you plan routes?", "Printed sheets, and a clipboard."]


def test_json_with_no_recognisable_segments_names_what_was_looked_for(tmp_path: Path) -> None:
    path = write_json(tmp_path, "settings.json", {"theme": "dark", "recent": [{"path": "a.txt", "size": 3}]})
    with pytest.raises(TranscriptError, match=r"no list of transcript segments in it \(looked for .*nBest"):
        load_transcript(path)


def test_google_stt_v2_speaker_labels_on_every_results_words(tmp_path: Path) -> None:
    def result(text: str, label: str, at: float) -> dict[str, Any]:
        words = [{"startOffset": f"{at + i:.1f}s", "word": w, "speakerLabel": label}
                 for i, w in enumerate(text.split())]
        return {"alternatives": [{"transcript": text, "words": words}], "languageCode": "en-US"}
    document = {"results": [result("Which machines did drivers restock?", "1", 0.0),
                            result("Every machine on the loop, full or empty.", "2", 6.0),
                            result("Half the stops were wasted trips.", "2", 14.0)]}
    transcript = load_transcript(write_json(tmp_path, "vending.json", document))
    assert said(transcript) == [("1", "Which machines did drivers restock?"),
                                ("2", "Every machine on the loop, full or empty. Half the stops were wasted trips.")]
    assert interviewers(transcript) == {"1"}


def test_a_meeting_tools_excel_export_with_details_above_the_header(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Meeting", "Notary workflow interview"])
    sheet.append(["Date", "2026-03-09"])
    sheet.append([])
    sheet.append(["Speaker Name", "Start Time", "Transcript Text"])
    sheet.append(["Sam Ortiz", "00:00:10", "How were signings booked before?"])
    sheet.append(["Renee Park", "00:00:14", "Title companies emailed me a packet and I used a paper planner."])
    path = tmp_path / "zoom.xlsx"
    book.save(path)
    transcript = load_transcript(path)
    assert said(transcript) == [("Sam Ortiz", "How were signings booked before?"),
                                ("Renee Park", "Title companies emailed me a packet and I used a paper planner.")]
    assert transcript.turns[1].line == 6
