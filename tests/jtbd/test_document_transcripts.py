"""Interviews kept in document containers read like the same interview in a .txt: an RTF saved
by TextEdit or WordPad (accents as code-page bytes, Chinese as \\uN), an email whose body is the
transcript (quoted-printable, GBK), an Evernote export. Speakers, the interviewer and verbatim
customer quotes come out; the container's markup never does."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.loader import load_transcript

RTF_EN = r"""{\rtf1\ansi\ansicpg1252\cocoartf2761
{\fonttbl\f0\fswiss\fcharset0 Helvetica;}
{\colortbl;\red255\green255\blue255;}
\paperw11900\paperh16840\margl1440\margr1440\vieww11520\viewh8400\viewkind0
\pard\tx566\pardirnatural\partightenfactor0

\f0\fs24 \cf0 Interviewer: Thanks for making time. What were you using before?\
Ren\'e9e: Honestly a paper diary and a lot of phone calls. We kept double-booking the kiln.\
Interviewer: What made you finally look for something else?\
Ren\'e9e: The week we lost two firings because of a booking mix-up, I said enough.\
}
"""


def _rtf_zh() -> str:
    lines = ["访谈人：您之前是怎么排课的？", "老周：就靠一个本子，学员一多就乱，经常两个人约到同一个时段。",
             "访谈人：后来为什么换了？", "老周：有一次家长当面吵起来，我觉得不能再这样下去了。"]
    body = "\\par\n".join("".join(f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?" for c in line)
                          for line in lines)
    return "{\\rtf1\\ansi\\ansicpg936\\uc1{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0\\fs24 " + body + "\\par\n}\n"


def _email(body: str, charset: str = "utf-8") -> bytes:
    encoded = base64.encodebytes(body.encode(charset)).decode("ascii")
    return ("From: Ana <ana@example.com>\nTo: research@example.com\nSubject: Interview with the bakery owner\n"
            "Date: Tue, 1 Dec 2026 09:12:00 +0000\nMIME-Version: 1.0\n"
            f"Content-Type: text/plain; charset=\"{charset}\"\nContent-Transfer-Encoding: base64\n\n"
            + encoded).encode("ascii")


def test_an_rtf_interview_reads_as_its_text(tmp_path: Path) -> None:
    path = tmp_path / "kiln_club.rtf"
    path.write_text(RTF_EN, encoding="ascii")
    transcript = load_transcript(path)
    customers = [t for t in transcript.turns if not t.is_interviewer]
    assert transcript.format == "rtf" and transcript.interviewers == ["Interviewer"]
    assert {t.speaker for t in customers} == {"Renée"}
    assert "We kept double-booking the kiln." in customers[0].text
    assert not any("\\" in t.text or "rtf" in t.text for t in transcript.turns)


def test_a_chinese_rtf_interview(tmp_path: Path) -> None:
    path = tmp_path / "paike.rtf"
    path.write_text(_rtf_zh(), encoding="ascii")
    transcript = load_transcript(path)
    customer = [t for t in transcript.turns if not t.is_interviewer]
    assert {t.speaker for t in customer} == {"老周"} and transcript.language == "zh"
    assert "有一次家长当面吵起来" in customer[-1].text


def test_an_email_carrying_the_interview_in_gbk(tmp_path: Path) -> None:
    path = tmp_path / "bakery.eml"
    path.write_bytes(_email("访谈人：最早是用什么记账的？\n王姐：手写的账本，月底对账要对到半夜。\n"
                            "访谈人：什么时候决定换的？\n王姐：去年双十一订单翻倍，账本根本记不过来。\n", "gbk"))
    transcript = load_transcript(path)
    customer = [t for t in transcript.turns if not t.is_interviewer]
    assert transcript.format == "eml" and {t.speaker for t in customer} == {"王姐"}
    assert "月底对账要对到半夜" in customer[0].text
    assert not any("base64" in t.text or "Content-Type" in t.text for t in transcript.turns)


def test_an_evernote_export(tmp_path: Path) -> None:
    note = ("<div>Interviewer: How did you book the vans before?</div>"
            "<div>Kofi: A shared spreadsheet, and it broke every Monday.</div>"
            "<div>Interviewer: And then?</div><div>Kofi: A driver turned up to an empty yard. That was it.</div>")
    path = tmp_path / "vans.enex"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE en-export SYSTEM '
                    '"http://xml.evernote.com/pub/evernote-export4.dtd">\n<en-export><note><title>Kofi call</title>'
                    f'<content><![CDATA[<?xml version="1.0" encoding="UTF-8"?><en-note>{note}</en-note>]]></content>'
                    "</note></en-export>\n", encoding="utf-8")
    transcript = load_transcript(path)
    customer = [t for t in transcript.turns if not t.is_interviewer]
    assert {t.speaker for t in customer} == {"Kofi"}
    assert "A shared spreadsheet, and it broke every Monday." in customer[0].text


def test_a_damaged_rtf_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.rtf"
    path.write_bytes(b"{\\rtf1\\ansi " + bytes(range(128, 256)) * 20)
    with pytest.raises(TranscriptError) as caught:
        load_transcript(path)
    assert str(path) in str(caught.value)
