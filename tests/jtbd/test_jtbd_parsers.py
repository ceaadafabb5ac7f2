"""Transcript files of every supported format become speaker turns with the right lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.loader import load_transcript


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def speakers(transcript) -> list[str]:
    return [turn.speaker for turn in transcript.turns]


def test_plain_text_with_roles_and_continuation_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", (
        "Interviewer: What made you look for something new?\n"
        "Dana (Head of Ops): Our approvals were stuck in email.\n"
        "Nobody knew who had what.\n"
        "\n"
        "Interviewer: Why now?\n"
        "Dana (Head of Ops): Two things: an audit, and a resignation.\n"))
    transcript = load_transcript(path)
    assert speakers(transcript) == ["Interviewer", "Dana", "Interviewer", "Dana"]
    assert transcript.turns[1].role == "Head of Ops"
    assert transcript.turns[1].text == "Our approvals were stuck in email.\nNobody knew who had what."
    assert transcript.turns[1].line == 2
    assert transcript.turns[1].line_at(transcript.turns[1].text.index("Nobody")) == 3
    # "Two things:" inside an answer is speech, not a new speaker
    assert transcript.turns[3].text.startswith("Two things: an audit")
    assert transcript.interviewers == ["Interviewer"]
    assert [t.is_interviewer for t in transcript.turns] == [True, False, True, False]


def test_markdown_bold_labels_and_heading(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", (
        "# Call with Dana\n\n"
        "**Sam:** How did you pick a tool?\n"
        "**Dana:** We ran a two-week trial.\n"
        "**Sam**: What worried you?\n"
        "**Dana**: Losing the history during migration.\n"))
    transcript = load_transcript(path)
    assert speakers(transcript) == ["Sam", "Dana", "Sam", "Dana"]
    assert transcript.turns[3].text == "Losing the history during migration."
    assert transcript.turns[0].line == 3
    assert transcript.interviewers == ["Sam"]  # detected: the one who asks the questions
    assert any("heading" in warning for warning in transcript.warnings)


def test_chinese_full_width_labels(tmp_path: Path) -> None:
    path = write(tmp_path, "zh.txt", "访谈人：当时为什么要换系统？\n周敏（会员运营总监）：数据对不上，对账要拉三天。\n")
    transcript = load_transcript(path)
    assert transcript.language == "zh"
    assert speakers(transcript) == ["访谈人", "周敏"]
    assert transcript.turns[1].role == "会员运营总监"
    assert transcript.interviewers == ["访谈人"]


def test_otter_style_headers_with_speech_below(tmp_path: Path) -> None:
    path = write(tmp_path, "otter.txt", (
        "Jamie Lee  0:02\nSo what were you using before?\n\n"
        "Chris Wong  0:06\nA shared spreadsheet.\nIt broke every Monday.\n\n"
        "Jamie Lee  0:15\nWhat happened next?\n\n"
        "Chris Wong  1:01\nOur best rep left.\n"))
    transcript = load_transcript(path)
    assert speakers(transcript) == ["Jamie Lee", "Chris Wong", "Jamie Lee", "Chris Wong"]
    assert transcript.turns[1].timestamp == "0:06"
    assert transcript.turns[1].text == "A shared spreadsheet.\nIt broke every Monday."
    assert transcript.turns[1].line == 4
    assert transcript.interviewers == ["Jamie Lee"]


def test_zoom_style_bracketed_names_and_leading_timestamps(tmp_path: Path) -> None:
    path = write(tmp_path, "zoom.txt", (
        "[Jamie Lee] 10:02:33\nWhy did you switch?\n"
        "[Chris Wong] 10:02:40\nThe forecast was off by forty percent.\n"))
    transcript = load_transcript(path)
    assert speakers(transcript) == ["Jamie Lee", "Chris Wong"]
    assert transcript.turns[1].timestamp == "10:02:40"
    other = load_transcript(write(tmp_path, "zoom2.txt", (
        "00:00:05 Jamie Lee: Why did you switch?\n"
        "00:00:09 Chris Wong: The forecast was off.\n")))
    assert speakers(other) == ["Jamie Lee", "Chris Wong"]
    assert other.turns[1].timestamp == "00:00:09"


VTT = """WEBVTT

1
00:00:01.000 --> 00:00:04.000
<v Jamie Lee>What did you try first?</v>

2
00:00:04.500 --> 00:00:08.000
<v Chris Wong>We built a better spreadsheet with</v>

3
00:00:08.000 --> 00:00:11.000
<v Chris Wong>dropdowns, and it lasted a month.</v>

4
00:00:11.000 --> 00:00:13.000
<v Jamie Lee>Why?</v>
"""


def test_webvtt_voice_tags_and_cues_rejoined_into_one_turn(tmp_path: Path) -> None:
    transcript = load_transcript(write(tmp_path, "call.vtt", VTT))
    assert transcript.format == "vtt"
    assert speakers(transcript) == ["Jamie Lee", "Chris Wong", "Jamie Lee"]
    turn = transcript.turns[1]
    assert turn.text == "We built a better spreadsheet with dropdowns, and it lasted a month."
    assert turn.timestamp == "00:00:04.500"
    assert turn.line == 9  # the line of the cue's text
    assert turn.line_at(turn.text.index("dropdowns")) == 13
    assert not any("-->" in t.text or t.text.isdigit() for t in transcript.turns)


def test_webvtt_with_name_prefixes_and_chinese_cues_joined_without_space(tmp_path: Path) -> None:
    text = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\n访谈人：为什么换？\n\n"
            "2\n00:00:03.000 --> 00:00:05.000\n周敏：储值卡对账\n\n"
            "3\n00:00:05.000 --> 00:00:07.000\n周敏：要拉三天。\n")
    transcript = load_transcript(write(tmp_path, "zh.vtt", text))
    assert transcript.turns[1].text == "储值卡对账要拉三天。"


def test_truncated_webvtt_keeps_every_piece_of_speech(tmp_path: Path) -> None:
    broken = VTT + "\n5\n00:00:13.500 --> 00:00:1\n<v Chris Wong>Because updating it was a chore"
    transcript = load_transcript(write(tmp_path, "cut.vtt", broken))
    assert transcript.turns[-1].speaker == "Chris Wong"
    assert transcript.turns[-1].text == "Because updating it was a chore"
    assert any("truncated" in w or "timing" in w for w in transcript.warnings)
    cut_in_timing = VTT + "\n5\n00:00:13.5"
    transcript = load_transcript(write(tmp_path, "cut2.vtt", cut_in_timing))
    assert speakers(transcript) == ["Jamie Lee", "Chris Wong", "Jamie Lee"]
    assert any("no text" in w for w in transcript.warnings)


def test_srt(tmp_path: Path) -> None:
    text = ("1\n00:00:01,000 --> 00:00:04,000\nJamie: What worried you?\n\n"
            "2\n00:00:04,000 --> 00:00:09,000\nChris: Losing renewal dates in the migration.\n")
    transcript = load_transcript(write(tmp_path, "call.srt", text))
    assert transcript.format == "srt"
    assert speakers(transcript) == ["Jamie", "Chris"]
    assert transcript.turns[1].timestamp == "00:00:04,000"
    assert transcript.turns[1].line == 7


def test_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Interviewer: What made you switch?")
    document.add_paragraph("Chris (CFO): We paid one supplier twice.")
    path = tmp_path / "call.docx"
    document.save(str(path))
    transcript = load_transcript(path)
    assert speakers(transcript) == ["Interviewer", "Chris"]
    assert transcript.turns[1].text == "We paid one supplier twice."
    assert transcript.turns[1].line == 2  # the paragraph number


def test_damaged_docx_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.docx", "not a zip file")
    with pytest.raises(TranscriptError, match=r"bad\.docx: not a readable Word"):
        load_transcript(path)


def test_empty_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match=r"empty\.txt: is empty"):
        load_transcript(write(tmp_path, "empty.txt", "  \n\n"))


def test_no_speaker_labels_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, "prose.txt", "we talked about the CRM for an hour\nand it went well\n")
    with pytest.raises(TranscriptError) as caught:
        load_transcript(path)
    assert "prose.txt:1: no speaker labels found" in str(caught.value)
    assert "Interviewer:" in str(caught.value)  # says what to do


def test_mixed_encodings_name_the_first_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Interviewer: Café?\n".encode() + "Chris: Crème brûlée\n".encode("latin-1"))
    with pytest.raises(TranscriptError) as caught:
        load_transcript(path)
    message = str(caught.value)
    assert "mixed.txt:2" in message and "mixes encodings" in message and "UTF-8" in message
    assert path.read_bytes().startswith(b"Interviewer")  # nothing touched


def test_legacy_chinese_encoding_is_read_with_a_note(tmp_path: Path) -> None:
    path = write(tmp_path, "gbk.txt", "访谈人：为什么换？\n周敏：对账要拉三天。\n", encoding="gb18030")
    transcript = load_transcript(path)
    assert transcript.turns[1].text == "对账要拉三天。"
    assert any("GB18030" in warning for warning in transcript.warnings)


def test_a_big5_transcript_is_read_as_big5_not_as_gbk_mojibake(tmp_path: Path) -> None:
    text = "訪談人：以前怎麼記帳？\n陳老闆：都是手寫帳本，月底對帳要對到半夜，常常對不起來。\n"
    transcript = load_transcript(write(tmp_path, "big5.txt", text, encoding="big5"))
    assert transcript.turns[1].text == "都是手寫帳本，月底對帳要對到半夜，常常對不起來。"
    assert any("Big5" in warning for warning in transcript.warnings)


def test_an_accented_western_transcript_is_not_read_as_chinese(tmp_path: Path) -> None:
    text = "Interviewer: ¿Cómo llevaban las reservas?\nInés: En un cuaderno, y los días de lluvia era un caos.\n"
    transcript = load_transcript(write(tmp_path, "es.txt", text, encoding="cp1252"))
    assert [turn.speaker for turn in transcript.turns] == ["Interviewer", "Inés"]
    assert transcript.turns[1].text == "En un cuaderno, y los días de lluvia era un caos."


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "u16.txt", "\ufeffInterviewer: Why?\nChris: Because.\n", encoding="utf-16-le")
    assert speakers(load_transcript(path)) == ["Interviewer", "Chris"]


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "audio.txt"
    path.write_bytes(b"ID3\x00\x00\x00\x01\x02")
    with pytest.raises(TranscriptError) as refused:
        load_transcript(path)
    said = str(refused.value).removeprefix(str(path))  # pytest's folder name holds "binary" too
    assert "binary file (audio" in said and "transcribe it first" in said


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match="no such file"):
        load_transcript(tmp_path / "nope.txt")
    with pytest.raises(TranscriptError, match="is a folder"):
        load_transcript(tmp_path)


def test_interviewer_can_be_overridden_and_must_exist(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Alex: Why did you switch?\nBo: Our data was a mess.\nAlex: And?\nBo: We lost a deal.\n")
    assert load_transcript(path).interviewers == ["Alex"]
    flipped = load_transcript(path, interviewer=["bo"])
    assert flipped.interviewers == ["Bo"]
    assert [t.is_interviewer for t in flipped.turns] == [False, True, False, True]
    with pytest.raises(TranscriptError, match="--interviewer Carol is not a speaker.*Alex, Bo"):
        load_transcript(path, interviewer=["Carol"])


def test_role_words_beat_question_counts(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Maya (Customer): Can I ask you something?\nLee (UX Researcher): Sure, what is it?\nMaya (Customer): Why is this free?\n")
    assert load_transcript(path).interviewers == ["Lee"]


def test_devcorpus_transcripts_parse_like_the_gold_checker(dev_data: Path) -> None:
    for name, interviewer, turns in (("crm_brightwell_en.txt", "Interviewer", 66),
                                     ("membership_hetian_zh.txt", "访谈人", 57)):
        transcript = load_transcript(dev_data / "job1_jtbd" / name)
        assert transcript.interviewers == [interviewer]
        assert len(transcript.turns) == turns


def test_own_fixtures_parse(tmp_path: Path) -> None:
    from jtbd_helpers import FIXTURES

    vtt = load_transcript(FIXTURES / "ap_ledgerly_en.vtt")
    assert vtt.interviewers == ["Priya Raman"]
    matching = next(t for t in vtt.turns if "goods receipt" in t.text)
    assert "the purchase order and the goods receipt, and only shows us" in matching.text
    md = load_transcript(FIXTURES / "maintenance_weibao_zh.txt")
    assert md.interviewers == ["李婷"] and md.language == "zh"


def test_teams_exports_vtt_with_guid_cue_ids_and_docx_with_header_lines(tmp_path: Path) -> None:
    vtt = ("WEBVTT\n\n0f1d2c3b-aaaa-4bbb-8ccc-123456789abc/11-0\n00:00:01.200 --> 00:00:03.900\n"
           "<v Jamie Lee>What did you look at?</v>\n\n"
           "0f1d2c3b-aaaa-4bbb-8ccc-123456789abc/12-0\n00:00:04.000 --> 00:00:08.000\n"
           "<v Chris Wong>Two vendors, and a spreadsheet rebuild.</v>\n")
    transcript = load_transcript(write(tmp_path, "teams.vtt", vtt))
    assert speakers(transcript) == ["Jamie Lee", "Chris Wong"]
    assert transcript.turns[1].text == "Two vendors, and a spreadsheet rebuild."

    import docx

    document = docx.Document()
    for paragraph in ("Jamie Lee   0:03", "What did you look at?", "Chris Wong   0:09",
                      "Two vendors.", "And a spreadsheet rebuild."):
        document.add_paragraph(paragraph)
    path = tmp_path / "teams.docx"
    document.save(str(path))
    transcript = load_transcript(path)
    assert speakers(transcript) == ["Jamie Lee", "Chris Wong"]
    assert transcript.turns[1].text == "Two vendors.\nAnd a spreadsheet rebuild."
    assert transcript.turns[1].timestamp == "0:09"
