"""HTML transcripts (a page saved from a meeting tool, Google Docs or Notion): paragraphs, bold
names above the speech and table rows become turns cited at the page's own lines."""

from __future__ import annotations

from pathlib import Path

from icp_coach.transcripts.loader import load_transcript

GOOGLE_DOC = """<!DOCTYPE html>
<html><head><title>Call notes</title><style>p { margin: 0 }</style>
<script>var tracking = "Interviewer: not speech";</script></head>
<body>
<h1>Discovery call: Harbour Physio</h1>
<p><b>Interviewer:</b> How do you book patients in at the moment?</p>
<p><b>Grace Liu (Clinic Manager):</b> Mostly the phone. We had a paper diary until&nbsp;2022,
and I still keep it as a backup &amp; for the old regulars.</p>
<p><b>Interviewer:</b> What made you look for something else?</p>
<p><b>Grace Liu (Clinic Manager):</b> We double-booked a physio three times in one week.</p>
<h2>Key insights</h2>
<ul><li>Double bookings hurt</li></ul>
</body></html>
"""


def test_a_saved_document_reads_like_a_text_transcript(tmp_path: Path) -> None:
    path = tmp_path / "call.html"
    path.write_text(GOOGLE_DOC, encoding="utf-8")
    transcript = load_transcript(path)
    turns = [(t.speaker, t.is_interviewer, t.text) for t in transcript.turns]
    assert turns[0] == ("Interviewer", True, "How do you book patients in at the moment?")
    assert turns[1][:2] == ("Grace Liu", False)
    assert "until 2022, and I still keep it as a backup & for the old regulars." in turns[1][2]
    assert not any("tracking" in text or "Double bookings hurt" in text for _, _, text in turns)
    lines = GOOGLE_DOC.splitlines()
    double_booked = next(t for t in transcript.turns if "double-booked" in t.text)
    assert "double-booked" in lines[double_booked.line - 1]


def test_bold_names_above_the_speech_and_a_table_of_turns(tmp_path: Path) -> None:
    page = ("<html><body>"
            "<p><strong>访谈人</strong></p><p>你们现在怎么对账？</p>"
            "<p><strong>陈立</strong></p><p>每个月底财务拉三个人加班两天，用Excel一张张对。</p>"
            "<p><strong>访谈人</strong></p><p>一直这样吗？</p>"
            "<p><strong>陈立</strong></p><p>对，做了五年了。</p>"
            "<table><tr><th>时间</th><th>发言人</th><th>内容</th></tr>"
            "<tr><td>00:05:10</td><td>访谈人</td><td>后来为什么换了？</td></tr>"
            "<tr><td>00:05:14</td><td>陈立</td><td>去年审计查出两笔重复付款，老板很生气。</td></tr>"
            "</table></body></html>")
    path = tmp_path / "notes.htm"
    path.write_text(page, encoding="utf-8")
    turns = [(t.speaker, t.is_interviewer, t.text) for t in load_transcript(path).turns]
    assert turns == [
        ("访谈人", True, "你们现在怎么对账？"),
        ("陈立", False, "每个月底财务拉三个人加班两天，用Excel一张张对。"),
        ("访谈人", True, "一直这样吗？"),
        ("陈立", False, "对，做了五年了。"),
        ("访谈人", True, "后来为什么换了？"),
        ("陈立", False, "去年审计查出两笔重复付款，老板很生气。"),
    ]
