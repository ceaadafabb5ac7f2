"""Who speaks, in the layouts real export tools write (interviewer_cases/exports2/README.md): the
time before the name, a time range line above the turn, Premiere Pro's frame timecodes, the name
and time on one line with the text below, 【time】 labels, numbered speakers with two interviewers,
two customers or a recorder, an AI summary on top or appended. Read without --interviewer, the
research side and the customer side must both come out right, or the customer's words are lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from icp_coach.transcripts.loader import load_transcript, parse_transcript
from icp_coach.transcripts.role_cues import introduces_colleague, research_aside
from icp_coach.transcripts.timecodes import plain_timecodes

CASES = Path(__file__).resolve().parent / "interviewer_cases" / "exports2"
GOLD: dict[str, dict[str, list[str]]] = {
    **json.loads((CASES / "gold.json").read_text(encoding="utf-8")),
    **{f"{folder}/{name}": gold
       for folder in ("after_fix", "roles")
       for name, gold in json.loads((CASES / folder / "gold.json").read_text(encoding="utf-8")).items()},
}

# what the tool wrote around the interview, in each file: never in anyone's turn
NOT_SPEECH = {
    "en01_arborist_time_first.txt": ["Recorded with", "Follow up with Ray", "plans them by hand"],
    "en04_home_inspection_overview_on_top.txt": ["Report writing takes", "Intro and consent", "share interview notes"],
    "en05_window_cleaning_tactiq_two_customers.txt": ["Window cleaning ops chat", "Participants"],
    "en08_wedding_photo_bracket_time_then_text.txt": ["Attendees", "gift card"],
    "zh01_meijia_feishu_summary_top.txt": ["关键词", "老板娘目前用微信", "下周同步给产品组"],
    "zh02_piju_tencent_two_customers.txt": ["参会人", "收件靠手写单据", "跟进数据存放问题"],
    "zh06_zhongyaocai_time_first_metadata.txt": ["访谈主题", "线上（语音）"],
    "zh07_nongmao_range_lines_summary_after.txt": ["要点一", "整理访谈纪要发给项目组"],
    "zh09_3dprint_time_then_name_minutes_top.txt": ["章节速览", "开场与录音确认", "发言人："],
    "after_fix/en12_aquarium_otter_producer_chapters_after.txt": ["Chapters", "Introductions", "thank-you note"],
    "after_fix/zh10_shufa_tingwu_summary_with_speakers.txt": ["围绕排课", "介绍了培训班现状", "00:45 续费问题"],
    "after_fix/zh13_zhongyiguan_lenticular_minutes_roles_after.txt": ["受访者", "需保留现场挂号"],
    "roles/en16_glass_studio_tactiq_summary_top_two_customers.txt": ["Key points", "kiln time", "follow-up questions"],
}


@pytest.mark.parametrize("name", list(GOLD))
def test_both_sides_are_found_without_being_told(name: str) -> None:
    transcript = load_transcript(CASES / name)
    assert set(transcript.interviewers) == set(GOLD[name]["interviewers"])
    assert {t.written_label() for t in transcript.customer_turns()} == set(GOLD[name]["customers"])


@pytest.mark.parametrize("name", list(GOLD))
def test_no_timecode_or_tool_note_is_read_as_speech(name: str) -> None:
    transcript = load_transcript(CASES / name)
    spoken = [t.text for t in transcript.turns if t.speaker]
    assert not any("-->" in text or text.lstrip().startswith(("00:", "[00", "【00")) for text in spoken)
    for phrase in NOT_SPEECH.get(name, []):
        assert not any(phrase in text for text in spoken), phrase


def test_every_case_is_a_short_real_interview() -> None:
    for name in GOLD:
        spoken = [t for t in load_transcript(CASES / name).turns if t.speaker]
        assert 13 <= len(spoken) <= 30, name


QUESTIONS = ["Thanks for joining. How do you plan the jobs?", "On paper, every morning at six.", "Why paper?",
             "Habit, mostly. My father did it that way.", "What went wrong last month?",
             "We sent two crews to the same house and lost a day."]
ZH_QUESTIONS = ["感谢您抽时间。您现在怎么排班？", "手工排，每天早上六点排。", "为什么用手工？", "习惯了，我爸就是这么做的。",
                "上个月出过什么问题？", "两个班组去了同一家，白白浪费一天。"]
LAYOUTS = {
    "range line above the label": "{s} - {e}\n{who}: {text}\n",
    "range line, name line, text (Premiere Pro)": "{s}:00 - {e}:12\n{who}\n{text}\n",
    "range and name on one line, text below": "{s} - {e} {who}\n{text}\n",
    "name and range on one line, text below": "{who} {s} - {e}\n{text}\n",
    "name and bracketed range, text below": "{who} [{s} - {e}]\n{text}\n",
    "name and range in parentheses, text below": "{who} ({s} - {e})\n{text}\n",
    "bracketed range before the label": "[{s}-{e}] {who}：{text}",
    "【time】label": "【{s}】{who}：{text}",
    "【time】 name, text below": "【{s}】 {who}\n{text}\n",
    "【range】label": "【{s}-{e}】{who}：{text}",
    "[time] name, text below (Descript)": "[{s}] {who}\n{text}\n",
    "time before the name": "{s} {who}: {text}",
    "**name** time, text below": "**{who}** {s}\n{text}\n",
    "bracketed range with arrow before the label (WhisperX)": "[{s}.120 --> {e}.400] {who}: {text}",
    "time | name | text": "{s} | {who} | {text}",
    "time, name and text in columns": "{s}  {who}  {text}",
    "name [range]: text": "{who} [{s} - {e}]: {text}",
    "name (range): text": "{who} ({s} - {e}): {text}",
    "(time) name, text below": "({s}) {who}\n{text}\n",
}


def _layout(form: str, lines: list[str], asker: str, answerer: str) -> str:
    return "\n".join(form.format(who=asker if i % 2 == 0 else answerer, s=f"00:00:{i * 7:02d}",
                                 e=f"00:00:{i * 7 + 6:02d}", text=text) for i, text in enumerate(lines))


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize(("lines", "asker", "answerer"), [
    (QUESTIONS, "Speaker 1", "Speaker 2"), (QUESTIONS, "Nora Blake", "Ed Finch"),
    (ZH_QUESTIONS, "说话人 1", "说话人 2"), (ZH_QUESTIONS, "周敏", "黄师傅"),
])
def test_each_layout_gives_two_speakers_and_the_asker(layout: str, lines: list[str], asker: str,
                                                       answerer: str) -> None:
    transcript = parse_transcript(_layout(LAYOUTS[layout], lines, asker, answerer), "layout.txt")
    assert {t.written_label() for t in transcript.turns if t.speaker} == {asker, answerer}
    assert transcript.interviewers == [asker]
    assert [t.text for t in transcript.customer_turns()] == lines[1::2]


def test_a_time_range_inside_an_answer_stays_as_said() -> None:
    text = "\n".join(["00:00:01 Ana: When are you open?", "00:00:04 Bo: Every weekday,",
                      "9:00 - 5:00 most days, later on Fridays.", "00:00:09 Ana: And weekends?",
                      "00:00:12 Bo: Closed."])
    transcript = parse_transcript(text, "hours.txt")
    assert "9:00 - 5:00 most days" in next(t.text for t in transcript.turns if t.speaker == "Bo")


def test_one_range_line_alone_is_left_alone() -> None:
    lines = ["Ana: We open at", "09:00 - 17:00", "Bo: Fine."]
    assert plain_timecodes(lines) == lines


def test_frames_and_brackets_become_plain_times() -> None:
    assert plain_timecodes(["00:00:06:12 - 00:00:08:02", "【00:01:12】王磊：好的", "〔00:01:20〕李娜：然后呢？"]) == [
        "00:00:06", "[00:01:12] 王磊：好的", "[00:01:20] 李娜：然后呢？"]


@pytest.mark.parametrize("text", ["阿姨好，我这边负责录音，您不用管我。", "I'm just here to listen, don't mind me.",
                                  "We're live, recording's going.", "About two minutes left.", "还有五分钟，抓紧。"])
def test_a_recorders_or_producers_line_is_a_research_aside(text: str) -> None:
    assert research_aside(text)


@pytest.mark.parametrize("text", ["We had about ten minutes left before the truck came.", "我们那天还有五个订单没发。"])
def test_a_customers_talk_of_time_is_no_aside(text: str) -> None:
    assert not research_aside(text)


def test_a_colleague_is_found_by_the_first_name_said() -> None:
    assert introduces_colleague("I'm Emma, and with me are Tariq and Lin from our team.", "Tariq Aziz")
    assert not introduces_colleague("Tariqa from the supplier called us.", "Tariq Aziz")


def test_the_lead_who_introduces_the_others_stays_on_the_research_side() -> None:
    lines = ["Ana Ruiz: Hi Pat, thanks for joining. With me are Ben and Cleo from our team. Okay to record?",
             "Cleo Park: Hi Pat.", "Pat Lee: Sure, hi all.", "Ana Ruiz: Tell me how you book the vans.",
             "Pat Lee: A shared calendar, and a lot of phone calls when it goes wrong.",
             "Ben Ode: What went wrong last time?",
             "Pat Lee: Two drivers got the same van on Monday and one job started three hours late.",
             "Ben Ode: How did the customer take it?", "Pat Lee: Badly, they asked for a discount and got one.",
             "Ana Ruiz: Noted. What have you tried since? Does anything help?",
             "Pat Lee: A whiteboard in the yard. Does your tool do reminders? What does it cost?",
             "Ana Ruiz: Too early to say. Thank you, Pat, this was really helpful.", "Cleo Park: Thanks Pat."]
    transcript = parse_transcript("\n".join(lines), "vans.txt")
    assert set(transcript.interviewers) == {"Ana Ruiz", "Ben Ode", "Cleo Park"}
