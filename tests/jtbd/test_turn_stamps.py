"""Export timecodes inside turns, and speech-to-text without punctuation
(interviewer_cases/unpunctuated/README.md): `Name: [00:06] text`, `Speaker 1: (00:00:04) text`,
`Speaker 2: 00:00:02 text`, `方琳：[00:01] 文字`. The tool's time must never reach a quote, a time
the customer says ("we open at 7:30") stays, and the research side is still found when nobody
typed a question mark, a full stop or a comma."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jtbd_helpers import every_quote, in_a_customer_turn

from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
from icp_coach.services.jtbd import verify_result
from icp_coach.transcripts.loader import load_transcript, parse_transcript
from icp_coach.transcripts.role_cues import courtesy

CASES = Path(__file__).resolve().parent / "interviewer_cases" / "unpunctuated"
GOLD: dict[str, dict[str, list[str]]] = {
    **json.loads((CASES / "gold.json").read_text(encoding="utf-8")),
    **{f"more/{name}": gold for name, gold in json.loads((CASES / "more" / "gold.json").read_text(encoding="utf-8")).items()},
}
EXPORT_STAMP = re.compile(r"[\[【(（]\s*\d{1,2}:\d{2}(?::\d{2})?\s*[\]】)）]|^\s*\d{2}:\d{2}:\d{2}\b")


@pytest.mark.parametrize("name", list(GOLD))
def test_both_sides_are_found_without_being_told(name: str) -> None:
    transcript = load_transcript(CASES / name)
    assert set(transcript.interviewers) == set(GOLD[name]["interviewers"])
    assert {t.written_label() for t in transcript.customer_turns()} == set(GOLD[name]["customers"])


@pytest.mark.parametrize("name", list(GOLD))
def test_no_turn_holds_an_export_timecode(name: str) -> None:
    transcript = load_transcript(CASES / name)
    assert not [t.text for t in transcript.turns if EXPORT_STAMP.search(t.text)]


def test_no_quote_holds_an_export_timecode() -> None:
    quoted = 0
    for name in [n for n in GOLD if "stamps" in n]:
        transcript = load_transcript(CASES / name)
        quotes = every_quote(verify_result(OfflineJTBDExtractor().extract_jtbd(transcript), transcript))
        quoted += len(quotes)
        assert not [q.quote for q in quotes if EXPORT_STAMP.search(q.quote)], name
        assert all(in_a_customer_turn(q, transcript) for q in quotes), name
    assert quoted >= 10


@pytest.mark.parametrize(("name", "said"), [
    ("en01_upholstery_bracket_stamps.txt", "We open at 7:30"),
    ("en02_well_drilling_paren_stamps.txt", "at 9:15 on Tuesdays"),
    ("en03_alterations_bare_stamps.txt", "the same 3:30 slot"),
])
def test_a_time_the_customer_says_stays(name: str, said: str) -> None:
    transcript = load_transcript(CASES / name)
    assert any(said in t.text for t in transcript.customer_turns())


def test_the_dropped_time_becomes_the_turns_timestamp_and_lines_stay_cited() -> None:
    text = "Ann: [00:01] Hi, thanks for joining. What do you do?\nBob: [00:05] I run a bakery.\n[00:09] We bake at night."
    transcript = parse_transcript(text, "bakery.txt")
    bob = transcript.turns[1]
    assert bob.text == "I run a bakery.\nWe bake at night."
    assert bob.timestamp == "00:05"
    assert bob.line_at(bob.text.index("We bake")) == 3


def test_a_single_bare_time_at_the_start_of_an_answer_is_kept() -> None:
    text = ("Ann: Thanks for joining. When do you open?\nBob: 7:30 usually, sometimes earlier.\n"
            "Ann: How do you order flour?\nBob: By phone every Monday.")
    transcript = parse_transcript(text, "bakery.txt")
    assert transcript.turns[1].text.startswith("7:30 usually")


@pytest.mark.parametrize("text", [
    "yeah thanks Marco really appreciate it", "Yeah, thanks Marco, really appreciate it.",
    "thank you so much everyone", "谢谢孙阿姨辛苦了", "好的谢谢刘姐麻烦您了",
])
def test_a_closing_thanks_without_commas_is_a_courtesy(text: str) -> None:
    assert courtesy(text)


@pytest.mark.parametrize("text", [
    "yeah thanks we lost two kitchens last month", "okay so much of it is still paper",
    "谢谢 我们一年做两万个月饼",
])
def test_a_thanks_followed_by_an_answer_is_no_courtesy(text: str) -> None:
    assert not courtesy(text)


def test_a_second_interviewers_sorry_can_i_ask_without_punctuation_is_a_question() -> None:
    text = "\n".join([
        "Speaker 1: thanks for joining us my colleague may jump in too what do you run",
        "Speaker 2: a pool service two hundred weekly accounts and four techs in trucks",
        "Speaker 1: how do the techs know their routes",
        "Speaker 2: printed sheets on a clipboard and half the time the sheet never comes back",
        "Speaker 3: sorry can I ask how often does a wrong bill go out",
        "Speaker 2: a few a month and last summer a family left us over it",
        "Speaker 1: what did you try after that",
        "Speaker 2: an app but the techs hated photographing every reading",
        "Speaker 3: also why did they hate it",
        "Speaker 2: wet hands and phones in the sun",
        "Speaker 1: great thank you so much for your time",
    ])
    assert set(parse_transcript(text, "pools.txt").interviewers) == {"Speaker 1", "Speaker 3"}


def test_a_note_takers_line_without_a_full_stop_is_not_metadata() -> None:
    text = "\n".join([
        "主持人: 您好 先说说您的面馆一天卖多少碗", "用户: 三百碗左右 中午最忙",
        "主持人: 中午怎么排人手", "用户: 靠我老婆喊 谁有空谁上",
        "记录: 这个排人手的点我记下来了", "主持人: 为什么不排班", "用户: 排了也没人看",
        "主持人: 好的 非常感谢您",
    ])
    transcript = parse_transcript(text, "noodles.txt")
    assert any("记下来了" in t.text for t in transcript.turns)
    assert "记录" in transcript.interviewers
