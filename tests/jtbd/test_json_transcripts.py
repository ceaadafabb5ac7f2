"""JSON transcripts as speech-to-text tools export them: the segments become speaker turns, each
quote cited at the line of the file its text sits on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from icp_coach.cli.main import cli
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.loader import load_transcript


def write(tmp_path: Path, name: str, document: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def said(path: Path) -> list[tuple[str, bool, str]]:
    return [(t.speaker, t.is_interviewer, t.text) for t in load_transcript(path).turns]


def test_whisperx_segments_with_speakers_and_word_timings(tmp_path: Path) -> None:
    words = [{"word": "How", "start": 0.1}, {"word": "do", "start": 0.3}]
    document = {"language": "en", "segments": [
        {"start": 0.1, "end": 3.0, "text": " How do you schedule the crews today?", "speaker": "SPEAKER_00",
         "words": words},
        {"start": 3.2, "end": 9.8, "text": " Honestly, a whiteboard and a lot of phone calls.",
         "speaker": "SPEAKER_01", "words": words},
        {"start": 10.0, "end": 14.0, "text": " Last winter we double-booked a crew twice in one week.",
         "speaker": "SPEAKER_01", "words": words},
        {"start": 14.5, "end": 16.0, "text": " What happened then?", "speaker": "SPEAKER_00", "words": words},
        {"start": 16.2, "end": 20.0, "text": " The client walked, and that was our biggest account.",
         "speaker": "SPEAKER_01", "words": words},
    ], "word_segments": words}
    turns = said(write(tmp_path, "call.json", document))
    assert [(speaker, asks) for speaker, asks, _ in turns] == [
        ("SPEAKER_00", True), ("SPEAKER_01", False), ("SPEAKER_00", True), ("SPEAKER_01", False)]
    assert turns[1][2] == ("Honestly, a whiteboard and a lot of phone calls. "
                           "Last winter we double-booked a crew twice in one week.")


def test_assemblyai_utterances_in_milliseconds_with_letter_speakers(tmp_path: Path) -> None:
    document = {"id": "abc", "text": "everything at once", "utterances": [
        {"speaker": "A", "start": 1200, "end": 4000, "text": "Why did you start looking for a new tool?",
         "words": [{"text": "Why", "start": 1200}]},
        {"speaker": "B", "start": 4200, "end": 9000, "text": "Our auditor found three missing logs in May.",
         "words": [{"text": "Our", "start": 4200}]},
    ]}
    transcript = load_transcript(write(tmp_path, "aai.json", document))
    assert [t.speaker for t in transcript.turns] == ["A", "B"]
    assert transcript.turns[1].timestamp == "00:00:04"
    assert transcript.interviewers == ["A"]


def test_rev_monologues_join_their_elements(tmp_path: Path) -> None:
    def elements(*tokens: str) -> list[dict[str, object]]:
        return [{"type": "text" if t.strip() else "punct", "value": t} for t in tokens]
    document = {"monologues": [
        {"speaker": 0, "speaker_name": "Interviewer", "elements": elements("What", " ", "changed", "?")},
        {"speaker": 1, "speaker_name": "Dana Ruiz", "elements": elements("We", " ", "lost", " ", "a", " ",
                                                                         "contract", ".")},
    ]}
    assert said(write(tmp_path, "rev.json", document)) == [
        ("Interviewer", True, "What changed?"), ("Dana Ruiz", False, "We lost a contract.")]


def test_deepgram_paragraphs_are_read_when_no_utterances_were_asked_for(tmp_path: Path) -> None:
    document = {"results": {"channels": [{"alternatives": [{
        "transcript": "the whole call as one string",
        "paragraphs": {"paragraphs": [
            {"speaker": 0, "start": 0.5, "sentences": [{"text": "Tell me about the old process."}]},
            {"speaker": 1, "start": 3.0, "sentences": [{"text": "We kept it all in spreadsheets."},
                                                       {"text": "Every month end was a fire drill."}]},
        ]}}]}]}}
    turns = said(write(tmp_path, "dg.json", document))
    assert turns == [("0", True, "Tell me about the old process."),
                     ("1", False, "We kept it all in spreadsheets. Every month end was a fire drill.")]


def test_amazon_transcribe_audio_segments(tmp_path: Path) -> None:
    document = {"results": {
        "transcripts": [{"transcript": "all of it"}],
        "audio_segments": [
            {"id": 0, "transcript": "How many sites do you run?", "start_time": "0.4", "speaker_label": "spk_0"},
            {"id": 1, "transcript": "Eleven, and each one does stock its own way.", "start_time": "3.1",
             "speaker_label": "spk_1"},
        ]}}
    transcript = load_transcript(write(tmp_path, "aws.json", document))
    assert [t.speaker for t in transcript.turns] == ["spk_0", "spk_1"]
    assert transcript.turns[1].timestamp == "00:00:03"


def test_a_plain_list_in_chinese_cites_the_line_of_each_text(tmp_path: Path) -> None:
    document = [
        {"name": "访谈人", "content": "你们之前排班是怎么做的？"},
        {"name": "刘敏（店长）", "content": "一直用Excel，每周日晚上排到半夜。"},
        {"name": "刘敏（店长）", "content": "去年十月有两个店同一天缺人，老板直接打电话骂我。"},
    ]
    path = write(tmp_path, "wx.json", document)
    transcript = load_transcript(path)
    customer = transcript.turns[1]
    assert (customer.speaker, customer.role, customer.is_interviewer) == ("刘敏", "店长", False)
    assert customer.text == "一直用Excel，每周日晚上排到半夜。去年十月有两个店同一天缺人，老板直接打电话骂我。"
    lines = path.read_text(encoding="utf-8").splitlines()
    second_piece_line = max(line for start, line in customer.line_starts)
    assert "老板直接打电话骂我" in lines[second_piece_line - 1]


def test_segments_without_speakers_are_refused_with_what_to_do(tmp_path: Path) -> None:
    document = {"text": "x", "segments": [{"id": 0, "start": 0.0, "text": " So how did it start?"},
                                         {"id": 1, "start": 2.0, "text": " We lost a big order."}]}
    with pytest.raises(TranscriptError, match="no speakers.*diarization"):
        load_transcript(write(tmp_path, "whisper.json", document))


def test_broken_json_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text('{"segments": [{"speaker": "A", "text": "hello there"', encoding="utf-8")
    with pytest.raises(TranscriptError, match="broken JSON"):
        load_transcript(path)


def test_cli_jtbd_reads_a_json_transcript(tmp_path: Path) -> None:
    document = {"segments": [
        {"start": 0.0, "text": "What made you look for something new?", "speaker": "SPEAKER_00"},
        {"start": 2.0, "text": "We missed two delivery windows in March and the client threatened to leave.",
         "speaker": "SPEAKER_01"},
        {"start": 8.0, "text": "I was worried my drivers would refuse to use an app.", "speaker": "SPEAKER_01"},
    ]}
    path = write(tmp_path, "call.json", document)
    result = CliRunner().invoke(cli, ["jtbd", str(path), "--engine", "offline", "--json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    interview = json.loads(result.stdout)["interviews"][0]
    quotes = [q for force in interview["forces"].values() for q in force] if isinstance(
        interview.get("forces"), dict) else []
    assert interview["interviewers"] == ["SPEAKER_00"]
    assert quotes, interview


def test_iflytek_onebest_inside_a_data_string_in_milliseconds(tmp_path: Path) -> None:
    segments = [
        {"bg": "820", "ed": "4100", "onebest": "您好，想先了解一下你们现在怎么排护工的班？", "speaker": "1"},
        {"bg": "4300", "ed": "12800", "onebest": "以前全靠一个微信群，谁有空谁接，经常两个人跑到同一个病房。",
         "speaker": "2"},
        {"bg": "13000", "ed": "19500", "onebest": "去年有家属投诉到院办，差点把我们的合作停了。", "speaker": "2"},
    ]
    path = tmp_path / "xf.json"
    path.write_text(json.dumps({"ok": 0, "err_no": 0, "data": json.dumps(segments, ensure_ascii=False)},
                               ensure_ascii=False), encoding="utf-8")
    transcript = load_transcript(path)
    assert [(t.speaker, t.is_interviewer) for t in transcript.turns] == [("1", True), ("2", False)]
    assert transcript.turns[1].text.endswith("差点把我们的合作停了。")
    assert transcript.turns[1].timestamp == "00:00:04"


def test_iflytek_lattice_words_make_the_sentence(tmp_path: Path) -> None:
    def sentence(speaker: str, begin: str, *words: str) -> dict[str, str]:
        st = {"bg": begin, "ed": "0", "rl": speaker,
              "rt": [{"ws": [{"cw": [{"w": w, "wp": "n"}], "wb": 1, "we": 2} for w in words]}]}
        return {"json_1best": json.dumps({"st": st}, ensure_ascii=False)}
    document = {"lattice": [
        sentence("1", "500", "你们", "之前", "用", "什么", "记账", "？"),
        sentence("2", "3000", "一直", "用", "手写", "的", "本子", "，", "月底", "对", "不上", "。"),
    ]}
    turns = said(write(tmp_path, "lattice.json", document))
    assert turns == [("1", True, "你们之前用什么记账？"),
                     ("2", False, "一直用手写的本子，月底对不上。")]
