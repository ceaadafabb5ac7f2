"""Caption and table formats (CSV/TSV, Markdown tables, TTML/DFXP, YouTube .sbv, ASS/SSA; JSON in
`test_json_transcripts`) read
into the same speaker turns as text, WebVTT and SRT; files of no transcript format refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from icp_coach.cli.main import cli
from icp_coach.domain.transcript import Transcript
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.loader import load_transcript


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def said(transcript: Transcript) -> list[tuple[str, str]]:
    return [(turn.speaker, turn.text) for turn in transcript.turns]


def interviewers(transcript: Transcript) -> set[str]:
    return {turn.speaker for turn in transcript.turns if turn.is_interviewer}


def line_of(transcript: Transcript, words: str) -> int:
    """The source line a quote starting with `words` is cited from."""
    for turn in transcript.turns:
        at = turn.text.find(words)
        if at >= 0:
            return max(line for start, line in turn.line_starts if start <= at)
    raise AssertionError(words)


# --- CSV / TSV -------------------------------------------------------------------------------

VET_CSV = (
    "\ufeffStart Time;Speaker;Transcript\n"
    "00:00:02;Interviewer;How do you track the vaccine stock at the clinic today?\n"
    '00:00:07;Priya Nair (Practice Manager);"On a whiteboard in the back room.\n'
    'Every Friday I count the fridge; nobody else does."\n'
    "00:00:15;Priya Nair (Practice Manager);Last spring we threw out a whole tray of expired doses.\n"
    "00:00:21;Interviewer;What did that cost you?\n"
    "00:00:24;Priya Nair (Practice Manager);About four thousand dollars, and an awkward call with the owner.\n"
)


def test_csv_with_semicolons_bom_and_a_multi_line_cell(tmp_path: Path) -> None:
    transcript = load_transcript(write(tmp_path, "vet.csv", VET_CSV))
    assert said(transcript) == [
        ("Interviewer", "How do you track the vaccine stock at the clinic today?"),
        ("Priya Nair", "On a whiteboard in the back room. Every Friday I count the fridge; nobody else "
                       "does. Last spring we threw out a whole tray of expired doses."),
        ("Interviewer", "What did that cost you?"),
        ("Priya Nair", "About four thousand dollars, and an awkward call with the owner."),
    ]
    assert interviewers(transcript) == {"Interviewer"}
    assert transcript.turns[1].role == "Practice Manager"
    assert transcript.turns[1].timestamp == "00:00:07"
    assert line_of(transcript, "Every Friday") == 4 and line_of(transcript, "Last spring") == 5
    assert transcript.format == "csv"


def test_chinese_csv_columns_in_any_order_joins_rows_without_a_space(tmp_path: Path) -> None:
    text = ("内容,说话人,时间\n"
            "您现在怎么安排医生排班？,孙悦,00:00:01\n"
            "我们用微信群接龙，,刘芳,00:00:04\n"
            "每周日晚上再手工抄到表格里，经常抄错。,刘芳,00:00:06\n"
            "最麻烦的是什么？,孙悦,00:00:11\n"
            "周末急诊的时候总有人临时请假，我得一个个打电话，一打就是一个小时。,刘芳,00:00:13\n")
    transcript = load_transcript(write(tmp_path, "宠物医院.csv", text))
    assert said(transcript)[1] == ("刘芳", "我们用微信群接龙，每周日晚上再手工抄到表格里，经常抄错。")
    assert [speaker for speaker, _ in said(transcript)] == ["孙悦", "刘芳", "孙悦", "刘芳"]
    assert interviewers(transcript) == {"孙悦"}  # who asks the questions, no label needed
    assert transcript.language == "zh"
    assert line_of(transcript, "每周日") == 4


def test_tsv_with_a_role_column_and_a_header_row_below_a_title(tmp_path: Path) -> None:
    text = ("Interview export\t\t\t\n"
            "Participant\tRole\tUtterance\tTimestamp\n"
            "Omar Haddad\tInterviewer\tWhen did the old booking tool stop working for you?\t0:01\n"
            "Lena Brandt\tOwner\tIn March, when we added the second van.\t0:05\n")
    transcript = load_transcript(write(tmp_path, "grooming.tsv", text))
    assert said(transcript) == [("Omar Haddad", "When did the old booking tool stop working for you?"),
                                ("Lena Brandt", "In March, when we added the second van.")]
    assert [turn.role for turn in transcript.turns] == ["Interviewer", "Owner"]
    assert interviewers(transcript) == {"Omar Haddad"}
    assert all("Interview export" not in text for _, text in said(transcript))


def test_csv_speaker_aliases_fold_into_one_person_with_any_header_spelling(tmp_path: Path) -> None:
    text = ("SpeakerName,Timecode,Dialog\n"
            "Rachel Kim (PM),00:00:01,How do you schedule the crews today?\n"
            "Joe Park,00:00:04,On a paper calendar by the till.\n"
            "Rachel,00:00:09,What happens when someone calls in sick?\n"
            "Joe Park,00:00:12,I phone around until somebody says yes. It takes an hour some mornings.\n")
    transcript = load_transcript(write(tmp_path, "crews.csv", text))
    assert len({turn.speaker for turn in transcript.turns}) == 2
    assert interviewers(transcript) == {transcript.turns[0].speaker} == {transcript.turns[2].speaker}
    assert transcript.interviewers == ["Rachel Kim (PM)", "Rachel"]
    assert transcript.turns[1].timestamp == "00:00:04"


def test_csv_without_speaker_and_text_columns_names_what_it_saw(tmp_path: Path) -> None:
    path = write(tmp_path, "calls.csv", "Date,Duration,Notes\n2026-01-02,30,fine\n2026-01-03,12,ok\n")
    with pytest.raises(TranscriptError, match=r"calls\.csv:1: no speaker and text columns.*'Date', "
                       r"'Duration', 'Notes'.*Speaker.*发言人.*Text.*内容"):
        load_transcript(path)


def test_csv_without_a_header_row_reads_time_name_and_text_columns(tmp_path: Path) -> None:
    text = ("00:00:01,Interviewer,How many loads do you wash a day?\n"
            "00:00:04,Marco Ibarra,About forty, more in summer.\n"
            "00:00:09,Interviewer,Who plans them?\n")
    transcript = load_transcript(write(tmp_path, "laundry.csv", text))
    assert [speaker for speaker, _ in said(transcript)] == ["Interviewer", "Marco Ibarra", "Interviewer"]
    assert all(speaker != "00" for speaker, _ in said(transcript))
    assert any("no header row" in warning for warning in transcript.warnings)


def test_csv_from_excel_with_sep_line_and_unquoted_commas_in_the_text(tmp_path: Path) -> None:
    text = ("sep=,\nSpeaker,Start,Text\n"
            "Interviewer,0:01,So, how do you price a repair today?\n"
            "Ravi Menon,0:04,By feel, honestly, and then I check the last invoice.\n")
    transcript = load_transcript(write(tmp_path, "repairs.csv", text))
    assert said(transcript) == [("Interviewer", "So, how do you price a repair today?"),
                                ("Ravi Menon", "By feel, honestly, and then I check the last invoice.")]
    assert [turn.line for turn in transcript.turns] == [3, 4]


def test_table_without_a_speaker_column_takes_names_from_the_text(tmp_path: Path) -> None:
    labelled = ("start\tend\ttext\n0\t2000\tInterviewer: Why did you switch?\n"
                "2000\t5000\tDee Walsh: The old app lost two bookings in one week.\n")
    transcript = load_transcript(write(tmp_path, "call.tsv", labelled))
    assert said(transcript) == [("Interviewer", "Why did you switch?"),
                                ("Dee Walsh", "The old app lost two bookings in one week.")]
    unlabelled = "start\tend\ttext\n0\t2000\tWhy did you switch?\n2000\t5000\tThe old app lost two.\n"
    with pytest.raises(TranscriptError, match=r"no speaker column, and no 'Name:' labels"):
        load_transcript(write(tmp_path, "bare.tsv", unlabelled))


def test_markdown_table_with_speaker_time_and_text_columns(tmp_path: Path) -> None:
    text = ("# Call with a dental lab\n\nDate: 2026-03-02\n\n"
            "| Speaker | Time | Text |\n|---|---|---|\n"
            "| Interviewer | 00:00:01 | How do crowns come back from the lab? |\n"
            "| Hana Kim | 00:00:05 | Usually a day late, and nobody tells the front desk. |\n")
    transcript = load_transcript(write(tmp_path, "lab.md", text))
    assert said(transcript) == [("Interviewer", "How do crowns come back from the lab?"),
                                ("Hana Kim", "Usually a day late, and nobody tells the front desk.")]
    assert [turn.line for turn in transcript.turns] == [7, 8]
    assert transcript.turns[1].timestamp == "00:00:05"


# --- TTML / DFXP -----------------------------------------------------------------------------

LAUNDRY_TTML = """<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"
    xmlns:tts="http://www.w3.org/ns/ttml#styling" xml:lang="en" ttp:tickRate="10000000"
    xmlns:ttp="http://www.w3.org/ns/ttml#parameter">
  <head>
    <metadata>
      <ttm:title>Interview: hotel laundry operations</ttm:title>
      <ttm:agent xml:id="host" type="person"><ttm:name type="full">Interviewer</ttm:name></ttm:agent>
      <ttm:agent xml:id="ops" type="person"><ttm:name type="full">Marco Ibarra</ttm:name></ttm:agent>
    </metadata>
    <styling><style xml:id="s1" tts:color="white"/></styling>
  </head>
  <body>
    <div>
      <p begin="00:00:01.200" end="00:00:04.000" ttm:agent="host">How do you plan the linen pickups?</p>
      <p begin="00:00:04.500" end="00:00:09.000" ttm:agent="ops">Each hotel texts me a count<br/>
        the night before.</p>
      <p begin="00:00:09.000" end="00:00:12.000" ttm:agent="ops"><span tts:fontStyle="italic">[laughs]</span></p>
      <p begin="130000000t" end="150000000t"><span ttm:agent="host">And when they forget?</span></p>
      <p begin="00:00:16.000" end="00:00:20.000">Marco Ibarra: Then the van leaves half empty.</p>
    </div>
  </body>
</tt>
"""


def test_ttml_speakers_from_agents_spans_and_labels(tmp_path: Path) -> None:
    transcript = load_transcript(write(tmp_path, "laundry.ttml", LAUNDRY_TTML))
    assert said(transcript) == [("Interviewer", "How do you plan the linen pickups?"),
                                ("Marco Ibarra", "Each hotel texts me a count the night before."),
                                ("Interviewer", "And when they forget?"),
                                ("Marco Ibarra", "Then the van leaves half empty.")]
    assert interviewers(transcript) == {"Interviewer"}
    assert line_of(transcript, "the night before") == 17
    assert [turn.timestamp for turn in transcript.turns] == [
        "00:00:01.200", "00:00:04.500", "00:00:13.000", "00:00:16.000"]
    assert all("hotel laundry operations" not in text for _, text in said(transcript))


def test_ttml_label_repeating_the_agent_is_not_part_of_the_speech(tmp_path: Path) -> None:
    text = ('<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata">\n'
            '<head><metadata><ttm:agent xml:id="a"><ttm:name>Joan Pratt</ttm:name></ttm:agent></metadata></head>\n'
            '<body><div>\n<p begin="1s" ttm:agent="a">Joan Pratt: We ship forty boxes a week.</p>\n'
            '<p begin="2s">Interviewer: And the returns?</p>\n</div></body></tt>\n')
    transcript = load_transcript(write(tmp_path, "boxes.xml", text))
    assert said(transcript) == [("Joan Pratt", "We ship forty boxes a week."), ("Interviewer", "And the returns?")]
    assert [turn.line for turn in transcript.turns] == [4, 5]


def test_dfxp_with_names_in_styled_spans_in_chinese(tmp_path: Path) -> None:
    text = """<?xml version="1.0" encoding="utf-8"?>
<tt xml:lang="zh" xmlns="http://www.w3.org/2006/10/ttaf1" xmlns:tts="http://www.w3.org/2006/10/ttaf1#styling">
  <head><styling><style id="s1" tts:color="yellow"/></styling></head>
  <body><div>
    <p begin="00:00:01.00" end="00:00:03.00"><span tts:color="yellow">访谈人：</span>你们现在怎么给衣物打标签？</p>
    <p begin="00:00:03.50" end="00:00:07.00"><span tts:color="cyan">陈丽：</span>手写吊牌，<br/>经常看不清。</p>
    <p begin="00:00:07.50" end="00:00:09.00">有一次把两位客人的西装弄混了。</p>
    <p begin="00:00:10.00" end="00:00:12.00">&gt;&gt; 访谈人：后来怎么处理的？</p>
  </div></body>
</tt>
"""
    transcript = load_transcript(write(tmp_path, "干洗店.dfxp", text))
    assert said(transcript) == [("访谈人", "你们现在怎么给衣物打标签？"),
                                ("陈丽", "手写吊牌，经常看不清。有一次把两位客人的西装弄混了。"),
                                ("访谈人", "后来怎么处理的？")]
    assert interviewers(transcript) == {"访谈人"}


def test_youtube_timed_text_xml(tmp_path: Path) -> None:
    text = ('<?xml version="1.0" encoding="utf-8" ?><transcript>'
            '<text start="0.5" dur="2.1">&gt;&gt; Interviewer: What made you look for a new scheduler?</text>'
            '<text start="2.9" dur="3">&gt;&gt; Tomas Berg: We double-booked the kiln twice, and I didn&amp;#39;t '
            'catch it.</text><text start="6" dur="2">It cost us a full firing.</text></transcript>\n')
    transcript = load_transcript(write(tmp_path, "pottery.xml", text))
    assert said(transcript) == [
        ("Interviewer", "What made you look for a new scheduler?"),
        ("Tomas Berg", "We double-booked the kiln twice, and I didn't catch it. It cost us a full firing.")]
    assert transcript.turns[1].timestamp == "00:00:02.900"


def test_xml_with_entity_declarations_is_refused(tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE tt [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>\n'
            '<tt><body><p>&b;</p></body></tt>\n')
    with pytest.raises(TranscriptError, match=r"bomb\.ttml:2: XML with a DOCTYPE or entity declarations"):
        load_transcript(write(tmp_path, "bomb.ttml", bomb))


def test_broken_ttml_and_other_xml_get_specific_errors(tmp_path: Path) -> None:
    broken = '<?xml version="1.0"?>\n<tt xmlns="http://www.w3.org/ns/ttml"><body><p begin="1s">Hi\n</body></tt>\n'
    with pytest.raises(TranscriptError, match=r"cut\.ttml:3: not well-formed XML \(mismatched tag\)"):
        load_transcript(write(tmp_path, "cut.ttml", broken))
    other = '<?xml version="1.0"?>\n<project><task>Call Maya</task></project>\n'
    with pytest.raises(TranscriptError, match=r"its root element is <project>, not <tt>"):
        load_transcript(write(tmp_path, "plan.txt", other))


# --- YouTube .sbv ----------------------------------------------------------------------------

FLEET_SBV = """0:00:01.000,0:00:03.500
>> 访谈人: 你们车队现在怎么记录油耗？

0:00:04.000,0:00:08.000
>> 王强: 司机每天晚上拍小票发群里，
我第二天早上统一录进去。

0:00:08.500,0:00:11.000
有时候小票丢了就只能估。

0:00:11.200,0:00:11.900
[音乐]

0:00:12.000,0:00:14.000
>> 访谈人: 估错过吗？
"""


def test_sbv_speakers_and_continuation_captions(tmp_path: Path) -> None:
    transcript = load_transcript(write(tmp_path, "车队.sbv", FLEET_SBV))
    assert said(transcript) == [("访谈人", "你们车队现在怎么记录油耗？"),
                                ("王强", "司机每天晚上拍小票发群里，我第二天早上统一录进去。有时候小票丢了就只能估。"),
                                ("访谈人", "估错过吗？")]
    assert interviewers(transcript) == {"访谈人"}
    assert line_of(transcript, "有时候") == 9 and transcript.turns[1].timestamp == "0:00:04.000"


def test_sbv_with_name_labels_in_english(tmp_path: Path) -> None:
    text = ("0:00:00.500,0:00:02.000\nNadia Osei: We buy flour by the pallet.\n\n"
            "0:00:02.500,0:00:04.000\nSam Reyes: Who splits it with you?\n\n"
            "0:00:04.500,0:00:07.000\nNadia Osei: The food truck next door, every Tuesday.\n")
    transcript = load_transcript(write(tmp_path, "truck.sbv", text))
    assert [speaker for speaker, _ in said(transcript)] == ["Nadia Osei", "Sam Reyes", "Nadia Osei"]
    assert interviewers(transcript) == {"Sam Reyes"}


def test_sbv_without_timing_lines_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match=r"no captions found in this SBV file.*0:00:01\.000,0:00:04\.000"):
        load_transcript(write(tmp_path, "empty.sbv", "just words\nand more words\n"))


# --- ASS / SSA -------------------------------------------------------------------------------

DENTAL_ASS = r"""[Script Info]
Title: Dental lab interview
ScriptType: v4.00+

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, Bold, Italic, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Arial,48,&H00FFFFFF,0,0,2,10,10,10,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Comment: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,Timing checked by the editor
Dialogue: 0,0:00:01.00,0:00:03.50,Default,Interviewer,0,0,0,,How do crowns come back from the lab?
Dialogue: 0,0:00:04.00,0:00:08.00,Default,Hana Kim,0,0,0,,{\i1}Usually{\i0} a day late,\Nand nobody tells the front desk.
Dialogue: 0,0:00:08.50,0:00:11.00,Default,,0,0,0,,Hana Kim: So the patient sits in the chair, waiting.
Dialogue: 0,0:00:11.50,0:00:13.00,Default,Interviewer,0,0,0,,{\pos(960,1000)\c&H00FFFF&}What do you do then?
"""


def test_ass_name_field_overrides_and_comments(tmp_path: Path) -> None:
    transcript = load_transcript(write(tmp_path, "dental.ass", DENTAL_ASS))
    assert said(transcript) == [
        ("Interviewer", "How do crowns come back from the lab?"),
        ("Hana Kim", "Usually a day late, and nobody tells the front desk. So the patient sits in the "
                     "chair, waiting."),
        ("Interviewer", "What do you do then?")]
    assert interviewers(transcript) == {"Interviewer"}
    assert line_of(transcript, "So the patient") == 14
    every_word = " ".join(text for _, text in said(transcript))
    assert "Timing checked" not in every_word and "Arial" not in every_word and "Dental lab" not in every_word


def test_ssa_v4_with_names_in_the_text_in_field_order_of_its_format_line(tmp_path: Path) -> None:
    text = ("[Script Info]\nScriptType: v4.00\n\n[Events]\n"
            "Format: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
            "Dialogue: Marked=0,0:00:01.00,0:00:03.00,Default,,0000,0000,0000,,主持人：你们怎么排保洁阿姨的班？\n"
            "Dialogue: Marked=0,0:00:03.50,0:00:06.00,Default,,0000,0000,0000,,赵敏：靠一张共享表格，\n"
            "Dialogue: Marked=0,0:00:06.50,0:00:09.00,Default,,0000,0000,0000,,上周两个阿姨去了同一家。\n")
    transcript = load_transcript(write(tmp_path, "家政.ssa", text))
    assert said(transcript) == [("主持人", "你们怎么排保洁阿姨的班？"),
                                ("赵敏", "靠一张共享表格，上周两个阿姨去了同一家。")]
    assert interviewers(transcript) == {"主持人"}


def test_ass_without_events_is_refused(tmp_path: Path) -> None:
    text = "[Script Info]\nTitle: x\n\n[V4+ Styles]\nStyle: Default,Arial,20\n"
    with pytest.raises(TranscriptError, match=r"no \[Events\] section in this ASS/SSA file"):
        load_transcript(write(tmp_path, "styles.ass", text))


# --- files of no transcript format -----------------------------------------------------------

@pytest.mark.parametrize(("name", "content", "message"), [
    ("settings.json", '{"theme": "dark", "recent": [{"path": "a.txt", "size": 3}]}',
     "a JSON file with no list of transcript segments"),
    ("page.html", "<!DOCTYPE html>\n<html><body><p>Our spring menu</p><p>Soup of the day</p></body></html>\n",
     "no speaker labels found"),
    ("captions.smi", "<SAMI>\n<BODY>\n<SYNC Start=1000><P Class=ENCC>Interviewer: hi\n</BODY></SAMI>\n",
     r"SAMI \(\.smi\) captions.*\.srt"),
    ("scan.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
    ("calls.xlsx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "not a readable Excel workbook.*save it again as .xlsx or .csv"),
    ("call.txt", b"ID3\x04\x00\x00\x00\x00\x01\x02", r"binary file \(audio: MP3\)"),
])
def test_files_of_no_transcript_format_are_refused_with_what_they_are(
        tmp_path: Path, name: str, content: str | bytes, message: str) -> None:
    with pytest.raises(TranscriptError, match=message):
        load_transcript(write(tmp_path, name, content))


# --- end to end ------------------------------------------------------------------------------

def test_cli_jtbd_reads_a_csv_and_cites_its_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "vet.csv", VET_CSV)
    result = CliRunner().invoke(cli, ["jtbd", str(path), "--engine", "offline", "--json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    interview = json.loads(result.stdout)["interviews"][0]
    evidence = [item for force in interview["forces"].values() for finding in force
                for item in finding["evidence"]]
    assert evidence, interview
    lines = VET_CSV.lstrip("\ufeff").splitlines()
    for item in evidence:
        assert item["source"] == str(path)
        assert item["quote"] in lines[item["line"] - 1]  # the row the customer said it on
        assert "Interviewer" not in lines[item["line"] - 1]
    assert "interviewer(s): Interviewer" in result.stderr
