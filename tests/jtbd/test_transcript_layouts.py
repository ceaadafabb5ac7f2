"""Transcripts laid out as real exports and shared write-ups are: a header, commentary, aliases,
timestamps in every position. Whatever the layout, only the customer's speech is customer speech,
and the interviewers are found without --interviewer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from icp_coach.domain.transcript import Transcript
from icp_coach.transcripts.loader import load_transcript, parse_transcript


def customers(transcript: Transcript) -> set[str]:
    return {t.speaker for t in transcript.turns if not t.is_interviewer}


def customer_text(transcript: Transcript) -> str:
    return " ".join(t.text for t in transcript.turns if not t.is_interviewer)


PUBLISHED_EN = """# How a vet clinic group replaced its phone booking
**Source:** product team research call, lightly edited
**Hosts:** Rachel Kim, Tom Ode
**Date**: 14 March
Scenario: a practice manager who moved booking online
Participants: Rachel Kim (PM), Tom Ode (design), Ines (practice manager), one observer

PM (Rachel): Thanks for making time, Ines. How did booking work before?
Ines (Practice manager): Everything came in by phone. Two receptionists did nothing else from eight to ten.
- Mondays: forty calls before nine
- Fridays: people booking for the weekend
So the phones were the whole morning.
Rachel: What made you finally change it?
Ines (Practice manager): A receptionist left in June and we could not answer half the calls that month.
Tom Ode: What did you try first?
Ines (Practice manager): A shared inbox for booking requests. It lasted two weeks because nobody owned it.
Rachel K.: And what did you worry about with an online system?
Ines (Practice manager): That older clients would not use it and would feel pushed away.
Observer: Did the vets have a say in it?
Ines (Practice manager): Only about how long each kind of appointment takes.

## Key JTBD concepts
- Push: phone queue every morning
- Ines: "the phones were the whole morning"
**Action items**
Rachel: send the follow-up survey
"""


def test_published_write_up_keeps_header_aliases_and_analysis_out_of_the_customer() -> None:
    transcript = parse_transcript(PUBLISHED_EN, "vets.md", fmt="md")
    assert customers(transcript) == {"Ines"}
    assert transcript.interviewers == ["PM (Rachel)", "Rachel", "Tom Ode", "Rachel K.", "Observer"]
    text = customer_text(transcript)
    assert "forty calls before nine" in text  # bullets inside an answer stay in that answer
    assert "phone queue" not in text and "follow-up survey" not in text
    assert "lightly edited" not in text and "practice manager who moved" not in text
    assert "Mondays" not in {t.speaker for t in transcript.turns}


PUBLISHED_ZH = """# 口腔诊所预约系统访谈
来源：线上会议录音，整理后发布
时长：41分钟
关键词：预约、爽约、短信提醒
访谈人：小周（用户研究），记录：阿宁

访谈人（小周）：刘医生您好，先说说以前病人是怎么预约的？
刘医生：都是打电话，前台拿本子记，一天能记满两页。
小周：那这样有什么问题？
刘医生：爽约太多了。一个礼拜总有七八个人不来，椅位就空着，技工也白等。
小周：后来为什么下决心换？
刘医生：有一次同一个时段约了两个种植的病人，两个人都到了，我们只能让一个人回去。
阿宁：您当时担心什么？
刘医生：担心年纪大的病人不会用小程序，还是会打电话。

## 关键洞察
- 推力：爽约多，椅位空置
- 刘医生：“一个礼拜总有七八个人不来”
"""


def test_chinese_write_up_with_header_alias_and_insights() -> None:
    transcript = parse_transcript(PUBLISHED_ZH, "dental.md", fmt="md")
    assert transcript.language == "zh"
    assert customers(transcript) == {"刘医生"}
    assert set(transcript.interviewers) == {"访谈人（小周）", "小周", "阿宁"}
    text = customer_text(transcript)
    assert "椅位空置" not in text and "推力" not in text and "短信提醒" not in text


def test_timestamps_in_brackets_before_the_name_and_no_role_words() -> None:
    text = ("[00:00:04] Marta: Thanks for joining. What does a normal week of deliveries look like?\n"
            "[00:00:11] Joel: We run nine vans for a flower wholesaler, and the routes get planned "
            "on a whiteboard every morning by whoever arrives first.\n"
            "[00:00:40] Marta: Why was that a problem?\n"
            "[00:00:46] Joel: Twice last spring two vans drove to the same hotel while a wedding "
            "on the other side of town got nothing until noon.\n"
            "[00:01:20] Marta: What did you do after that?\n"
            "[00:01:25] Joel: I started looking at route planning apps that night.\n")
    transcript = parse_transcript(text, "vans.txt")
    assert transcript.interviewers == ["Marta"] and customers(transcript) == {"Joel"}
    assert transcript.turns[1].timestamp == "00:00:11"


def test_name_with_timestamp_in_brackets_on_its_own_line() -> None:
    text = ("Priya (00:00:02):\nSo how are job sheets handled today?\n\n"
            "Dev (00:00:07):\nOn paper. The engineers fill them in at the boiler and post them back "
            "to the office on Fridays, and half of them are unreadable by then.\n\n"
            "Priya (00:00:31):\nWhat happens when one goes missing?\n\n"
            "Dev (00:00:35):\nWe cannot invoice the job, so we just lose that money.\n")
    transcript = parse_transcript(text, "heating.txt")
    assert [t.speaker for t in transcript.turns] == ["Priya", "Dev", "Priya", "Dev"]
    assert transcript.turns[1].timestamp == "00:00:07" and transcript.turns[1].role == ""
    assert transcript.interviewers == ["Priya"]


def test_numbered_speakers_with_title_date_and_keywords_on_top() -> None:
    text = ("Brewery taproom call\nMarch 3, 2:10 PM | 26 min\nKeywords: kegs, deposits, tracking\n\n"
            "Speaker 1  00:00:02\nOkay, we're recording. How do you keep track of your kegs today?\n\n"
            "Speaker 2  00:00:08\nA spreadsheet and a lot of hope. We lend kegs to about sixty bars.\n\n"
            "Speaker 1  00:00:20\nAnd how many go missing?\n\n"
            "Speaker 2  00:00:24\nLast year we wrote off ninety kegs, at about a hundred and twenty "
            "dollars each.\n")
    transcript = parse_transcript(text, "kegs.txt")
    assert transcript.interviewers == ["Speaker 1"]
    assert customers(transcript) == {"Speaker 2"} and "taproom" not in customer_text(transcript)
    assert "Keywords" not in {t.speaker for t in transcript.turns}
    assert all(not t.text.startswith("kegs, deposits") for t in transcript.turns)


def test_feishu_style_numbered_chinese_speakers() -> None:
    text = ("社区团购团长访谈\n2024年5月8日 | 23分钟\n关键词：团长、佣金、售后\n\n"
            "发言人1 00:00:05\n王姐您好，您现在每天的团是怎么接龙的？\n\n"
            "发言人2 00:00:12\n都在微信群里接龙，我晚上自己一条条抄到表格里，经常抄到十二点。\n\n"
            "发言人1 00:00:30\n抄错过吗？\n\n"
            "发言人2 00:00:33\n错过好几次，有一次把两箱橙子记成了二十箱，亏了三百多块。\n")
    transcript = parse_transcript(text, "tuangou.txt")
    assert transcript.interviewers == ["发言人1"]
    assert "关键词" not in {t.speaker for t in transcript.turns}


def test_customer_who_speaks_first_is_still_the_customer() -> None:
    text = ("Hannah: Sorry, I was on another call that ran over. Our installer crews had a rough week.\n"
            "Leo: No problem at all. What happened this week?\n"
            "Hannah: Three roofs were surveyed twice because two of us booked the same visit, and the "
            "homeowners were annoyed with us both times.\n"
            "Leo: How do you book surveys now?\n"
            "Hannah: Each salesperson books from their own calendar, and nobody sees the others.\n"
            "Leo: What would good look like?\n"
            "Hannah: One calendar for the whole team that the homeowner can book into directly.\n")
    transcript = parse_transcript(text, "solar.txt")
    assert transcript.interviewers == ["Leo"]


def test_podcast_host_and_guest_labels_are_speakers_not_metadata() -> None:
    text = ("Host: Welcome back. Today I'm talking to a dairy farmer about milking robots. Why robots?\n"
            "Guest: Because I could not find anyone to milk at five in the morning any more.\n"
            "Host: What did it cost you?\n"
            "Guest: More than the barn did, but I sleep now.\n")
    transcript = parse_transcript(text, "dairy.txt")
    assert transcript.interviewers == ["Host"] and customers(transcript) == {"Guest"}


def test_summary_above_the_transcript_is_not_speech() -> None:
    text = ("# Call notes\n## Summary\n- Ana: wants invoices sent from the van\n- Budget approved\n"
            "## Transcript\n"
            "Ben: How do you send invoices today?\n"
            "Ana: I type them up at night after the kids are asleep.\n"
            "Ben: What does that cost you?\n"
            "Ana: Two evenings a week, easily.\n")
    transcript = parse_transcript(text, "plumbing.md", fmt="md")
    assert customer_text(transcript) == "I type them up at night after the kids are asleep. Two evenings a week, easily."


GUID_VTT = """WEBVTT

6b1e0c2a-0d4e-4c7f-9f1a-2f6c5e3d7a10/3-0
00:00:01.000 --> 00:00:03.500
Sofia: What were you using for stock counts?

6b1e0c2a-0d4e-4c7f-9f1a-2f6c5e3d7a10/4-0
00:00:03.800 --> 00:00:07.000
Karim: Clipboards, honestly. We count the whole warehouse

6b1e0c2a-0d4e-4c7f-9f1a-2f6c5e3d7a10/5-0
00:00:07.000 --> 00:00:09.000
twice a year and it takes a full weekend.

6b1e0c2a-0d4e-4c7f-9f1a-2f6c5e3d7a10/6-0
00:00:09.500 --> 00:00:11.000
Sofia: Why change now?
"""


def test_vtt_with_guid_cue_ids_and_unlabelled_follow_on_cues(tmp_path: Path) -> None:
    path = tmp_path / "stock.vtt"
    path.write_text(GUID_VTT, encoding="utf-8")
    transcript = load_transcript(path)
    assert [t.speaker for t in transcript.turns] == ["Sofia", "Karim", "Sofia"]
    assert transcript.turns[1].text.endswith("twice a year and it takes a full weekend.")
    assert transcript.interviewers == ["Sofia"]


def test_srt_with_name_prefixes_and_an_alias(tmp_path: Path) -> None:
    srt = ("1\n00:00:01,000 --> 00:00:03,000\n主持人（小林）：您先介绍一下仓库吧？\n\n"
           "2\n00:00:03,500 --> 00:00:08,000\n老赵：我们做冷链，三个库，两百多个客户的货。\n\n"
           "3\n00:00:08,500 --> 00:00:10,000\n小林：盘点是怎么做的？\n\n"
           "4\n00:00:10,500 --> 00:00:14,000\n老赵：人拿着单子一排排对，一次要两天。\n")
    path = tmp_path / "cold.srt"
    path.write_text(srt, encoding="utf-8")
    transcript = load_transcript(path)
    assert customers(transcript) == {"老赵"}
    assert transcript.interviewers == ["主持人（小林）", "小林"]


def test_cli_names_the_interviewers_on_stderr_and_in_the_json(tmp_path: Path) -> None:
    from icp_coach.cli.main import cli

    path = tmp_path / "vets.md"
    path.write_text(PUBLISHED_EN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["jtbd", str(path), "--engine", "offline", "--json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "interviewer(s): PM (Rachel), Rachel, Tom Ode" in result.stderr
    interview = json.loads(result.stdout)["interviews"][0]
    assert interview["interviewers"][:3] == ["PM (Rachel)", "Rachel", "Tom Ode"]
    assert interview["customers"] == ["Ines"]


@pytest.mark.parametrize("name", ["Rachel", "PM (Rachel)"])
def test_interviewer_given_by_any_of_their_labels(name: str) -> None:
    transcript = parse_transcript(PUBLISHED_EN, "vets.md", fmt="md", interviewer=[name])
    assert customers(transcript) >= {"Ines"}
    assert "PM (Rachel)" in transcript.interviewers and "Rachel K." in transcript.interviewers


def test_timestamp_after_the_name_initials_and_an_analysis_line_in_label_form() -> None:
    text = ("Nadia [00:00:03]: How do you plan the week's surgery list?\n"
            "Dr. Osei [00:00:09]: On a whiteboard in the prep room, and it gets wiped by accident "
            "about once a month.\n"
            "Nadia [00:00:30]: What happens then?\n"
            "Dr. Osei [00:00:34]: We ring every owner again to rebuild it from memory.\n"
            "\n"
            "Key insights: the whiteboard is the single point of failure\n"
            "Nadia: check whether the clinic in Leeds does the same\n")
    transcript = parse_transcript(text, "surgery.txt")
    assert [t.speaker for t in transcript.turns] == ["Nadia", "Dr. Osei", "Nadia", "Dr. Osei"]
    assert transcript.interviewers == ["Nadia"]
    assert "single point of failure" not in customer_text(transcript)


def test_speech_on_the_header_line_of_numbered_speakers() -> None:
    text = ("说话人1  00:00:02  您好，先说说你们车队现在怎么派车？\n"
            "说话人2  00:00:08  全靠调度员打电话，一个人盯四十台车。\n"
            "说话人1  00:00:20  出过什么问题吗？\n"
            "说话人2  00:00:24  上个月有两台车同时去了同一个工地，另一个工地等了一上午。\n")
    transcript = parse_transcript(text, "fleet.txt")
    assert transcript.interviewers == ["说话人1"]
    assert transcript.turns[1].text == "全靠调度员打电话，一个人盯四十台车。"


def test_a_customer_label_beats_asking_questions_back() -> None:
    text = ("Customer (Farm manager): Can I ask what you do with these recordings? Who sees them?\n"
            "Sam: Only our research team. What do you use for irrigation scheduling today?\n"
            "Customer (Farm manager): Can you believe it, a paper chart on the pump house door? "
            "Why would anyone still do that?\n"
            "Sam: What made you look for something else?\n")
    transcript = parse_transcript(text, "farm.txt")
    assert transcript.interviewers == ["Sam"]


def test_a_transcript_kept_in_a_markdown_table() -> None:
    text = ("# Call with the bakery-supply wholesaler\n\n"
            "| Speaker | Text |\n|---|---|\n"
            "| Owen (Researcher) | How do shops order from you today? |\n"
            "| Bea | By text message, mostly after ten at night, and I retype every order in the morning. |\n"
            "| Owen (Researcher) | What goes wrong? |\n"
            "| Bea | Last week I sent forty kilos of rye to a shop that wanted four. |\n")
    transcript = parse_transcript(text, "supply.md", fmt="md")
    assert [t.speaker for t in transcript.turns] == ["Owen", "Bea", "Owen", "Bea"]
    assert transcript.interviewers == ["Owen"]
    assert customer_text(transcript).startswith("By text message")


def test_a_phrase_before_a_colon_in_a_cue_is_speech_not_a_speaker(tmp_path: Path) -> None:
    vtt = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nLina: Why did you move off the old tool?\n\n"
           "2\n00:00:03.500 --> 00:00:06.000\nOmar: It crashed during stocktake.\n\n"
           "3\n00:00:06.000 --> 00:00:09.000\nTwo things really: the crashes and the price.\n\n"
           "4\n00:00:09.500 --> 00:00:11.000\nLina: Which mattered more?\n\n"
           "5\n00:00:11.500 --> 00:00:13.000\nOmar: The crashes.\n")
    path = tmp_path / "tool.vtt"
    path.write_text(vtt, encoding="utf-8")
    transcript = load_transcript(path)
    assert [t.speaker for t in transcript.turns] == ["Lina", "Omar", "Lina", "Omar"]
    assert "Two things really: the crashes and the price." in transcript.turns[1].text
