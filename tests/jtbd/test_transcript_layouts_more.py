"""More export layouts, each read into the same speakers, turn texts and interviewer: Markdown
blockquotes, screenplay capitals, em-dash and bracket labels, a name alone on its line above the
paragraph, Q/A transcripts with the names in the header, and `Name | time | text` pipes."""

from __future__ import annotations

import pytest

from icp_coach.domain.transcript import Transcript
from icp_coach.transcripts.errors import TranscriptError
from icp_coach.transcripts.loader import parse_transcript


def turns(transcript: Transcript) -> list[tuple[str, str]]:
    return [(t.speaker, t.text) for t in transcript.turns]


def interviewers(transcript: Transcript) -> set[str]:
    return {t.speaker for t in transcript.turns if t.is_interviewer}


BLOCKQUOTE_BOLD_EN = """# Call with a landscaping crew lead

> **Priya**: How do you plan the week's jobs today?
> **Marco**: On a whiteboard in the yard.
> Every Sunday night I redo it from the texts.
>
> Then I photograph it for the guys.
> **Priya**: What goes wrong with that?
> **Marco**: Rain. One wet Tuesday and the whole board is wrong.
"""


def test_blockquote_with_bold_names_continuations_and_blank_quote_lines() -> None:
    transcript = parse_transcript(BLOCKQUOTE_BOLD_EN, "crew.md", fmt="md")
    assert turns(transcript) == [
        ("Priya", "How do you plan the week's jobs today?"),
        ("Marco", "On a whiteboard in the yard.\nEvery Sunday night I redo it from the texts.\n"
                  "Then I photograph it for the guys."),
        ("Priya", "What goes wrong with that?"),
        ("Marco", "Rain. One wet Tuesday and the whole board is wrong."),
    ]
    assert interviewers(transcript) == {"Priya"}
    assert not any(">" in t.text for t in transcript.turns)


BLOCKQUOTE_ZH = """> **王琳**：你们现在怎么安排保洁阿姨上门？
> **刘强**：都靠微信群，阿姨自己抢单。
> 抢不到的就打电话给我。
> **王琳**：这样最麻烦的是什么？
> **刘强**：周末单子太多，总有客户没人去。
"""


def test_chinese_blockquote_with_bold_names_and_full_width_colons() -> None:
    transcript = parse_transcript(BLOCKQUOTE_ZH, "jiazheng.md", fmt="md")
    assert turns(transcript) == [
        ("王琳", "你们现在怎么安排保洁阿姨上门？"),
        ("刘强", "都靠微信群，阿姨自己抢单。\n抢不到的就打电话给我。"),
        ("王琳", "这样最麻烦的是什么？"),
        ("刘强", "周末单子太多，总有客户没人去。"),
    ]
    assert interviewers(transcript) == {"王琳"}


BLOCKQUOTE_PLAIN_EN = """> Interviewer: Who orders the flowers for your shop?
> Keiko: I do, by email with three growers.
>
> Interviewer: Why three?
> Keiko: Because none of them answers fast on a Friday.
"""


def test_blockquote_with_plain_labels() -> None:
    transcript = parse_transcript(BLOCKQUOTE_PLAIN_EN, "florist.txt")
    assert turns(transcript) == [
        ("Interviewer", "Who orders the flowers for your shop?"),
        ("Keiko", "I do, by email with three growers."),
        ("Interviewer", "Why three?"),
        ("Keiko", "Because none of them answers fast on a Friday."),
    ]
    assert interviewers(transcript) == {"Interviewer"}


SCREENPLAY_EN = """INTERVIEWER: What does a normal morning at the dental lab look like?
DANA: Impressions arrive by courier at eight and I sort them by due date.
INTERVIEWER: What slows that down?
DANA: Half the boxes have no prescription slip inside.
"""


def test_screenplay_capital_labels() -> None:
    transcript = parse_transcript(SCREENPLAY_EN, "lab.txt")
    assert turns(transcript) == [
        ("INTERVIEWER", "What does a normal morning at the dental lab look like?"),
        ("DANA", "Impressions arrive by courier at eight and I sort them by due date."),
        ("INTERVIEWER", "What slows that down?"),
        ("DANA", "Half the boxes have no prescription slip inside."),
    ]
    assert interviewers(transcript) == {"INTERVIEWER"}


EM_DASH_EN = """Sam — How do you quote a heating job now?
Dana — I drive out, measure the rooms and write it up at night.
Sam — What does that cost you?
Dana — Two evenings a week, and I lose jobs to whoever answers first.
"""


def test_em_dash_labels() -> None:
    transcript = parse_transcript(EM_DASH_EN, "hvac.txt")
    assert turns(transcript) == [
        ("Sam", "How do you quote a heating job now?"),
        ("Dana", "I drive out, measure the rooms and write it up at night."),
        ("Sam", "What does that cost you?"),
        ("Dana", "Two evenings a week, and I lose jobs to whoever answers first."),
    ]
    assert interviewers(transcript) == {"Sam"}


BRACKETS_EN = """[Lena] How do couples pick their photo package?
[Omar] They look at the website, then message me with fifty questions.
[Lena] What do you send back?
[Omar] A PDF I made three years ago. Nobody reads it.
"""

BRACKETS_ZH = """【主持人】你们琴行现在怎么给学生排课？
【张伟】老师自己在本子上记，家长打电话约。
经常两个人约到同一个时间。
【主持人】后来试过什么办法？
【张伟】用过一个小程序，老师嫌麻烦不肯用。
"""


def test_square_bracket_labels() -> None:
    transcript = parse_transcript(BRACKETS_EN, "photo.txt")
    assert turns(transcript) == [
        ("Lena", "How do couples pick their photo package?"),
        ("Omar", "They look at the website, then message me with fifty questions."),
        ("Lena", "What do you send back?"),
        ("Omar", "A PDF I made three years ago. Nobody reads it."),
    ]
    assert interviewers(transcript) == {"Lena"}


def test_chinese_lenticular_bracket_labels() -> None:
    transcript = parse_transcript(BRACKETS_ZH, "qinhang.txt")
    assert turns(transcript) == [
        ("主持人", "你们琴行现在怎么给学生排课？"),
        ("张伟", "老师自己在本子上记，家长打电话约。\n经常两个人约到同一个时间。"),
        ("主持人", "后来试过什么办法？"),
        ("张伟", "用过一个小程序，老师嫌麻烦不肯用。"),
    ]
    assert interviewers(transcript) == {"主持人"}


NAME_ABOVE_EN = """Ravi Shah
How do you keep track of which printers need toner?

Dana Ortiz
Honestly, I wait for someone to complain.
Then I order from whoever is cheapest that week.

Ravi Shah
What happened the last time it ran out?

Dana Ortiz
Payroll could not print the cheques on a Friday.
"""

NAME_ABOVE_TIMED_EN = """Ravi Shah  0:03
How do you keep track of which printers need toner?

Dana Ortiz  0:12
Honestly, I wait for someone to complain.

Ravi Shah  0:40
What happened the last time it ran out?

Dana Ortiz  0:44
Payroll could not print the cheques on a Friday.
"""

NAME_ABOVE_ZH = """李娜  00:01:02
你们快递驿站现在怎么处理丢件投诉？

陈刚  00:01:10
顾客打电话到店里，店员写在登记本上。
店长晚上来看一眼本子。

李娜  00:02:30
漏掉过吗？

陈刚  00:02:34
经常，本子被水泡过一次，一周的单子全没了。
"""


@pytest.mark.parametrize("text", [NAME_ABOVE_EN, NAME_ABOVE_TIMED_EN], ids=["bare", "timed"])
def test_a_name_alone_on_its_line_above_the_paragraph(text: str) -> None:
    transcript = parse_transcript(text, "office.txt")
    assert [speaker for speaker, _ in turns(transcript)] == ["Ravi Shah", "Dana Ortiz"] * 2
    assert turns(transcript)[1][1].startswith("Honestly, I wait for someone to complain.")
    assert turns(transcript)[3] == ("Dana Ortiz", "Payroll could not print the cheques on a Friday.")
    assert interviewers(transcript) == {"Ravi Shah"}


def test_a_chinese_name_and_timestamp_above_the_paragraph() -> None:
    transcript = parse_transcript(NAME_ABOVE_ZH, "yizhan.txt")
    assert turns(transcript) == [
        ("李娜", "你们快递驿站现在怎么处理丢件投诉？"),
        ("陈刚", "顾客打电话到店里，店员写在登记本上。\n店长晚上来看一眼本子。"),
        ("李娜", "漏掉过吗？"),
        ("陈刚", "经常，本子被水泡过一次，一周的单子全没了。"),
    ]
    assert interviewers(transcript) == {"李娜"}


def test_a_paragraph_with_no_name_lines_is_still_not_a_transcript() -> None:
    with pytest.raises(TranscriptError, match="no speaker labels"):
        parse_transcript("Notes from the call\nThey book rooms by phone.\n\nFollow up next week\n"
                         "Send the price list.\n", "notes.txt")


QA_NAMED_EN = """Interviewer: Hana Lee
Interviewee: Tom Brandt

Q: How do you track the kennel bookings over the holidays?
A: A paper calendar on the wall, and my phone for the overflow.
Q: What goes wrong?
A: Two families turned up for the same run last Christmas.
"""

QA_NAMED_ZH = """访谈人：周洁
访谈对象：高明

问：你们宠物医院怎么提醒客户打疫苗？
答：前台每个月翻一遍病历，挨个打电话。
问：最头疼的是什么？
答：电话打不通，打了三次还是没人接。
"""

QA_BARE_EN = """Q: How does your print shop take rush orders?
A: People email a PDF and call to make sure I saw it.
Q: And if you miss the call?
A: Then the job is late and they go somewhere else.
"""


def test_q_and_a_with_the_names_in_the_header() -> None:
    transcript = parse_transcript(QA_NAMED_EN, "kennel.txt")
    assert turns(transcript) == [
        ("Hana Lee", "How do you track the kennel bookings over the holidays?"),
        ("Tom Brandt", "A paper calendar on the wall, and my phone for the overflow."),
        ("Hana Lee", "What goes wrong?"),
        ("Tom Brandt", "Two families turned up for the same run last Christmas."),
    ]
    assert interviewers(transcript) == {"Hana Lee"}


def test_chinese_q_and_a_with_the_names_in_the_header() -> None:
    transcript = parse_transcript(QA_NAMED_ZH, "chongwu.txt")
    assert turns(transcript) == [
        ("周洁", "你们宠物医院怎么提醒客户打疫苗？"),
        ("高明", "前台每个月翻一遍病历，挨个打电话。"),
        ("周洁", "最头疼的是什么？"),
        ("高明", "电话打不通，打了三次还是没人接。"),
    ]
    assert interviewers(transcript) == {"周洁"}


def test_q_and_a_without_names_q_is_the_interviewer() -> None:
    transcript = parse_transcript(QA_BARE_EN, "print.txt")
    assert [speaker for speaker, _ in turns(transcript)] == ["Q", "A", "Q", "A"]
    assert turns(transcript)[3] == ("A", "Then the job is late and they go somewhere else.")
    assert interviewers(transcript) == {"Q"}


def test_a_customer_who_asks_back_under_a_is_still_the_customer() -> None:
    transcript = parse_transcript("问：你们怎么排班？\n答：你说的是周末吗？\n问：对，周末。\n答：周末靠店长打电话问谁有空？\n",
                                  "paiban.txt")
    assert interviewers(transcript) == {"问"}


PIPES_EN = """Dana | 00:01:02 | How do you order parts for the repair bay?
Joel | 00:01:09 | I call the supplier and read the part numbers off a sticky note.
Dana | 00:01:30 | What happens when a number is wrong?
Joel | 00:01:34 | The wrong part shows up and the car sits for two more days.
"""


def test_pipe_separated_name_time_and_text() -> None:
    transcript = parse_transcript(PIPES_EN, "garage.txt")
    assert turns(transcript) == [
        ("Dana", "How do you order parts for the repair bay?"),
        ("Joel", "I call the supplier and read the part numbers off a sticky note."),
        ("Dana", "What happens when a number is wrong?"),
        ("Joel", "The wrong part shows up and the car sits for two more days."),
    ]
    assert transcript.turns[0].timestamp == "00:01:02"
    assert interviewers(transcript) == {"Dana"}


def test_a_quoted_email_inside_an_answer_is_speech_without_the_marker() -> None:
    text = ("Interviewer: What did the supplier write back?\n"
            "Keiko: This, word for word:\n"
            "> We cannot ship before the twentieth.\n"
            "Interviewer: And then?\n"
            "Keiko: I cancelled and called the other grower.\n")
    transcript = parse_transcript(text, "quote.md", fmt="md")
    assert turns(transcript)[1] == ("Keiko", "This, word for word:\nWe cannot ship before the twentieth.")
    assert interviewers(transcript) == {"Interviewer"}


def test_one_dash_or_bracket_in_speech_stays_speech() -> None:
    text = ("Sam: How do you quote a job?\n"
            "Dana: By hand.\n"
            "Nights — mostly Sundays.\n"
            "[Laughs] I know.\n"
            "Sam: Why by hand?\n"
            "Dana: The software wanted a floor plan I never have.\n")
    transcript = parse_transcript(text, "one.txt")
    assert [speaker for speaker, _ in turns(transcript)] == ["Sam", "Dana", "Sam", "Dana"]
    assert turns(transcript)[1] == ("Dana", "By hand.\nNights — mostly Sundays.\n[Laughs] I know.")
