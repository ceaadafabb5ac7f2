"""Exports as meeting, recording and chat tools write them today (Google Meet with Gemini notes,
Fireflies, Fathom, Otter, Teams and Word tables, Markdown headings, 通义听悟, 讯飞听见, 飞书妙记,
腾讯会议, 钉钉闪记, WeChat chat history). Each is read into the same speakers and verbatim turns, the
interviewers are found without --interviewer, and the tool's notes never become customer speech."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from icp_coach.domain.transcript import Transcript
from icp_coach.transcripts.loader import load_transcript, parse_transcript


def turns(transcript: Transcript) -> list[tuple[str, str]]:
    return [(t.speaker, t.text) for t in transcript.turns if t.speaker]


def interviewers(transcript: Transcript) -> set[str]:
    return {t.speaker for t in transcript.turns if t.speaker and t.is_interviewer}


def customer_text(transcript: Transcript) -> str:
    return "\n".join(t.text for t in transcript.customer_turns())


def every_text(transcript: Transcript) -> str:
    return "\n".join(t.text for t in transcript.turns)


GOOGLE_MEET_GEMINI_EN = """Pest control routing interview - 2026/11/04 14:02 GMT
Transcript

Attendees
Dana Whitfield, Leo Park, Sam Ortega

Summary
Leo Park explained that technicians are routed by hand every morning and missed callbacks cost renewals.

Details
Morning routing: Leo Park described drawing routes on a whiteboard at 6 a.m. (00:01:10)
Switching attempt: The team tried a spreadsheet add-on last spring and dropped it (00:03:40)

Suggested next steps
Dana Whitfield will send Leo Park a follow-up survey.

You should review Gemini's notes to make sure they're accurate. Get tips and learn how Gemini takes notes

Transcript

00:00:00

Dana Whitfield: Thanks for making time, Leo. How do you plan the technicians' day right now?
Leo Park: Honestly it's a whiteboard. I get in at six and draw the routes by zip code.
Dana Whitfield: What happens when a customer calls to reschedule?
Leo Park: Then I redo half the board. Last week we missed two callbacks because of it.
Sam Ortega: Sorry, one quick one from me: who tells the techs about the change?

00:05:00

Leo Park: I text them. One by one.
Dana Whitfield: Got it. Thank you, that's really helpful.

Meeting ended after 00:06:12 👋

This editable transcript was computer generated and might contain errors. People can also change the text after it was created.
"""


def test_google_meet_with_gemini_notes_on_top_and_an_observer_asking_once() -> None:
    transcript = parse_transcript(GOOGLE_MEET_GEMINI_EN, "pest.txt")
    assert turns(transcript) == [
        ("Dana Whitfield", "Thanks for making time, Leo. How do you plan the technicians' day right now?"),
        ("Leo Park", "Honestly it's a whiteboard. I get in at six and draw the routes by zip code."),
        ("Dana Whitfield", "What happens when a customer calls to reschedule?"),
        ("Leo Park", "Then I redo half the board. Last week we missed two callbacks because of it."),
        ("Sam Ortega", "Sorry, one quick one from me: who tells the techs about the change?"),
        ("Leo Park", "I text them. One by one."),
        ("Dana Whitfield", "Got it. Thank you, that's really helpful."),
    ]
    assert interviewers(transcript) == {"Dana Whitfield", "Sam Ortega"}
    text = every_text(transcript)
    for tool_words in ("explained that", "spreadsheet add-on", "follow-up survey", "Gemini",
                       "00:05:00", "Meeting ended", "computer generated", "Attendees"):
        assert tool_words not in text


GOOGLE_MEET_NAMES_ABOVE_EN = """Vet clinic intake call (2026-10-21 at 10:00 GMT-7) - Transcript
Attendees
Hannah Reyes, Marcus Bell
Transcript
00:00:00

Hannah Reyes
Can you walk me through how a new pet owner books their first visit?

Marcus Bell
Sure. They call the front desk, and we write everything on a paper intake form.
Then someone types it into the system at the end of the day.

Hannah Reyes
What goes wrong with that?

00:05:00

Marcus Bell
Handwriting, mostly. We had a dog's weight entered as 70 instead of 7.
"""


def test_google_meet_names_above_paragraphs_with_bare_timestamp_lines() -> None:
    transcript = parse_transcript(GOOGLE_MEET_NAMES_ABOVE_EN, "vet.txt")
    assert turns(transcript) == [
        ("Hannah Reyes", "Can you walk me through how a new pet owner books their first visit?"),
        ("Marcus Bell", "Sure. They call the front desk, and we write everything on a paper intake form.\n"
                        "Then someone types it into the system at the end of the day."),
        ("Hannah Reyes", "What goes wrong with that?"),
        ("Marcus Bell", "Handwriting, mostly. We had a dog's weight entered as 70 instead of 7."),
    ]
    assert interviewers(transcript) == {"Hannah Reyes"}
    assert "00:0" not in every_text(transcript) and "Attendees" not in every_text(transcript)


GOOGLE_MEET_GEMINI_ZH = """宠物医院预约访谈 - 2026/11/05 15:00 GMT+08:00 - 会议记录
参会者
陈思远, 赵敏

摘要
赵敏介绍了医院目前用纸质登记本管理预约，高峰期经常重复预约。

详细信息
预约方式：赵敏表示周末预约最多，电话和微信都会来 (00:01:20)

建议的后续步骤
陈思远将把问卷发给赵敏。

转写内容

00:00:00

陈思远: 您好，能先说说现在客人是怎么预约的吗？
赵敏: 一般是打电话，或者加我们前台微信。我们都记在一个本子上。
陈思远: 那最头疼的是什么？
赵敏: 周末。同一个时间段经常约了两只狗，医生根本看不过来。
"""


def test_google_meet_in_chinese_with_gemini_notes_above_the_transcript() -> None:
    transcript = parse_transcript(GOOGLE_MEET_GEMINI_ZH, "chongwu.txt")
    assert turns(transcript) == [
        ("陈思远", "您好，能先说说现在客人是怎么预约的吗？"),
        ("赵敏", "一般是打电话，或者加我们前台微信。我们都记在一个本子上。"),
        ("陈思远", "那最头疼的是什么？"),
        ("赵敏", "周末。同一个时间段经常约了两只狗，医生根本看不过来。"),
    ]
    assert interviewers(transcript) == {"陈思远"}
    assert "预约方式" not in {t.speaker for t in transcript.turns}
    for tool_words in ("纸质登记本", "问卷", "00:00:00"):
        assert tool_words not in every_text(transcript)


FIREFLIES_EN = """Freight forwarding discovery call
Participants: Dana Whitfield, Priya Nair

Dana Whitfield - 00:00
How do you track the containers once they leave the port?

Priya Nair - 00:06
We email the carriers and paste their answers into a tracker.

Dana Whitfield - 00:15
And when something is late?

Priya Nair - 00:18
The customer usually tells us before the carrier does.

Action Items
- Priya Nair: send the tracker export
"""

FATHOM_EN = """Freight forwarding discovery call - November 05
VIEW RECORDING - 14 mins (No highlights): https://example.com/share/abc

---

0:00 - Dana Whitfield
  How do you track the containers once they leave the port?

0:06 - Priya Nair (Nair Logistics)
  We email the carriers and paste their answers into a tracker.

0:15 - Dana Whitfield
  And when something is late?

0:18 - Priya Nair (Nair Logistics)
  The customer usually tells us before the carrier does.
"""


@pytest.mark.parametrize("text", [FIREFLIES_EN, FATHOM_EN], ids=["fireflies", "fathom"])
def test_name_dash_time_and_time_dash_name_headers(text: str) -> None:
    transcript = parse_transcript(text, "freight.txt")
    assert turns(transcript) == [
        ("Dana Whitfield", "How do you track the containers once they leave the port?"),
        ("Priya Nair", "We email the carriers and paste their answers into a tracker."),
        ("Dana Whitfield", "And when something is late?"),
        ("Priya Nair", "The customer usually tells us before the carrier does."),
    ]
    assert interviewers(transcript) == {"Dana Whitfield"}
    assert "tracker export" not in customer_text(transcript)
    assert "VIEW RECORDING" not in customer_text(transcript)


def test_fathom_keeps_the_company_in_brackets_as_the_role() -> None:
    transcript = parse_transcript(FATHOM_EN, "freight.txt")
    assert transcript.turns[2].role == "Nair Logistics" and transcript.turns[2].timestamp == "0:06"


OTTER_WITH_KEYWORDS_EN = """Moving company interview
Thu, Nov 05, 2026 10:14AM • 12:40

SUMMARY KEYWORDS
crews, trucks, spreadsheet, double booking

SPEAKERS
Dana Whitfield, Tom Becker

Dana Whitfield  00:02
So how do you book the moving crews?

Tom Becker  00:05
Phone calls, mostly. I keep a big spreadsheet with every crew and truck on it.

Dana Whitfield  00:12
What breaks?

Tom Becker  00:14
Double bookings. Two jobs on one truck.

Transcribed by https://otter.ai
"""


def test_otter_keywords_speakers_list_and_footer_are_not_speech() -> None:
    transcript = parse_transcript(OTTER_WITH_KEYWORDS_EN, "movers.txt")
    assert turns(transcript) == [
        ("Dana Whitfield", "So how do you book the moving crews?"),
        ("Tom Becker", "Phone calls, mostly. I keep a big spreadsheet with every crew and truck on it."),
        ("Dana Whitfield", "What breaks?"),
        ("Tom Becker", "Double bookings. Two jobs on one truck."),
    ]
    assert interviewers(transcript) == {"Dana Whitfield"}
    assert "otter.ai" not in every_text(transcript) and "double booking\n" not in every_text(transcript)
    assert "crews, trucks" not in every_text(transcript)


TLDV_EN = """Meeting notes
- Priya tracks containers by emailing carriers.
- Late shipments are discovered by the customer first.

Transcript
[00:00] Dana Whitfield: How do you track the containers once they leave the port?
[00:06] Priya Nair: We email the carriers and paste their answers into a tracker.
"""


def test_tldv_notes_above_a_plain_transcript_heading() -> None:
    transcript = parse_transcript(TLDV_EN, "tldv.txt")
    assert turns(transcript) == [
        ("Dana Whitfield", "How do you track the containers once they leave the port?"),
        ("Priya Nair", "We email the carriers and paste their answers into a tracker."),
    ]
    assert "emailing carriers" not in every_text(transcript)


MD_HEADING_PER_TURN = """# 洗衣厂访谈

### Interviewer
How do you schedule the hotel pickups?

### 受访者
我们用一个共享日历，司机每天早上看。
有时候他忘了看。
### Interviewer
What happens then?

### 受访者
酒店那边就没有毛巾用了。
"""

MD_BOLD_NAME_ALONE = """# Interview: coworking space manager

**Dana**

How do members book the meeting rooms?

**Kofi**

They message me on Slack and I put it in a Google Sheet.

**Dana**

What goes wrong?

**Kofi**

Two teams turn up for the same room at ten.

## Key takeaways
- Kofi books rooms by hand from Slack messages.
"""


def test_markdown_heading_per_turn() -> None:
    transcript = parse_transcript(MD_HEADING_PER_TURN, "laundry.md", fmt="md")
    assert turns(transcript) == [
        ("Interviewer", "How do you schedule the hotel pickups?"),
        ("受访者", "我们用一个共享日历，司机每天早上看。\n有时候他忘了看。"),
        ("Interviewer", "What happens then?"),
        ("受访者", "酒店那边就没有毛巾用了。"),
    ]
    assert interviewers(transcript) == {"Interviewer"}


def test_markdown_bold_name_alone_above_the_speech() -> None:
    transcript = parse_transcript(MD_BOLD_NAME_ALONE, "cowork.md", fmt="md")
    assert turns(transcript) == [
        ("Dana", "How do members book the meeting rooms?"),
        ("Kofi", "They message me on Slack and I put it in a Google Sheet."),
        ("Dana", "What goes wrong?"),
        ("Kofi", "Two teams turn up for the same room at ten."),
    ]
    assert interviewers(transcript) == {"Dana"}
    assert "by hand from Slack" not in customer_text(transcript)


def _docx(path: Path, paragraphs: list[str | tuple[str, str]], table: list[list[str]] | None = None,
          after: list[str | tuple[str, str]] | None = None) -> Path:
    """A Word file: ("h2", text) is a heading, ("bold", text) a paragraph in bold."""
    document = docx.Document()

    def add(items: list[str | tuple[str, str]]) -> None:
        for item in items:
            if isinstance(item, str):
                document.add_paragraph(item)
            elif item[0].startswith("h"):
                document.add_heading(item[1], level=int(item[0][1]))
            else:
                document.add_paragraph().add_run(item[1]).bold = True
    add(paragraphs)
    if table:
        grid = document.add_table(rows=0, cols=len(table[0]))
        for row in table:
            for cell, value in zip(grid.add_row().cells, row, strict=True):
                cell.text = value
    add(after or [])
    document.save(str(path))
    return path


def test_docx_table_speaker_time_text_with_a_header_row_and_a_summary_after(tmp_path: Path) -> None:
    path = _docx(tmp_path / "lab.docx", [("h1", "Dental lab interview"), "Date: 2026-11-05"], [
        ["Speaker", "Time", "Text"],
        ["Dana Whitfield", "00:00:02", "How do clinics send you impressions today?"],
        ["Dr. Elena Voss", "00:00:07", "A courier picks them up, and the slip is paper.\nHalf the slips are unreadable."],
        ["Dana Whitfield", "00:00:19", "What happens then?"],
        ["Dr. Elena Voss", "00:00:22", "We call the clinic and wait. Sometimes two days."],
    ], [("h2", "Summary"), "Elena's lab loses two days per unreadable slip."])
    transcript = load_transcript(path)
    assert turns(transcript) == [
        ("Dana Whitfield", "How do clinics send you impressions today?"),
        ("Dr. Elena Voss", "A courier picks them up, and the slip is paper.\nHalf the slips are unreadable."),
        ("Dana Whitfield", "What happens then?"),
        ("Dr. Elena Voss", "We call the clinic and wait. Sometimes two days."),
    ]
    assert transcript.turns[-1].timestamp == "00:00:22"
    assert interviewers(transcript) == {"Dana Whitfield"}
    assert "loses two days" not in every_text(transcript) and "Speaker" not in every_text(transcript)


def test_docx_table_time_first_in_chinese(tmp_path: Path) -> None:
    path = _docx(tmp_path / "jigong.docx", ["牙科技工所访谈"], [
        ["时间", "发言人", "内容"],
        ["00:00", "王磊", "诊所现在怎么把模型寄给你们？"],
        ["00:05", "李敏", "快递寄过来，单子是手写的，很多看不清。"],
        ["00:12", "王磊", "看不清怎么办？"],
        ["00:15", "李敏", "只能打电话问，一耽误就是两天。"],
    ], ["会议总结：手写单据导致返工。"])
    transcript = load_transcript(path)
    assert turns(transcript) == [
        ("王磊", "诊所现在怎么把模型寄给你们？"),
        ("李敏", "快递寄过来，单子是手写的，很多看不清。"),
        ("王磊", "看不清怎么办？"),
        ("李敏", "只能打电话问，一耽误就是两天。"),
    ]
    assert interviewers(transcript) == {"王磊"}
    assert "返工" not in every_text(transcript)


def test_docx_bold_name_paragraphs_above_the_speech(tmp_path: Path) -> None:
    path = _docx(tmp_path / "truck.docx", [
        "Interview with a food truck owner",
        ("bold", "Dana"), "Where do you decide the next day's location?",
        ("bold", "Marco"), "On Instagram polls, then I text the commissary.",
        ("bold", "Dana"), "What goes wrong?",
        ("bold", "Marco"), "The polls lie. Half the voters never show up.",
        ("h2", "Action items"), "Dana: send Marco the beta link."])
    transcript = load_transcript(path)
    assert turns(transcript) == [
        ("Dana", "Where do you decide the next day's location?"),
        ("Marco", "On Instagram polls, then I text the commissary."),
        ("Dana", "What goes wrong?"),
        ("Marco", "The polls lie. Half the voters never show up."),
    ]
    assert interviewers(transcript) == {"Dana"}
    assert "beta link" not in every_text(transcript)


def test_teams_docx_with_transcription_notices(tmp_path: Path) -> None:
    path = _docx(tmp_path / "teams.docx", [
        "Laundry pickup interview", "November 5, 2026, 2:00PM", "12m 40s",
        "Dana Whitfield started transcription",
        "Dana Whitfield   0:03", "Thanks for joining. How do you send out the laundry pickups today?",
        "Ruth Adeyemi   0:08", "We have a shared calendar and a driver who checks it.",
        "Dana Whitfield   0:20", "How often does he forget?",
        "Ruth Adeyemi   0:22", "Twice a month, maybe.",
        "Dana Whitfield stopped transcription"])
    transcript = load_transcript(path)
    assert turns(transcript) == [
        ("Dana Whitfield", "Thanks for joining. How do you send out the laundry pickups today?"),
        ("Ruth Adeyemi", "We have a shared calendar and a driver who checks it."),
        ("Dana Whitfield", "How often does he forget?"),
        ("Ruth Adeyemi", "Twice a month, maybe."),
    ]
    assert interviewers(transcript) == {"Dana Whitfield"}
    assert "transcription" not in every_text(transcript)


def test_google_meet_docx_with_heading_styles(tmp_path: Path) -> None:
    path = _docx(tmp_path / "meet.docx", [
        "Pest control routing interview", ("h1", "Notes"),
        ("h2", "Summary"), "Leo Park explained that technicians are routed by hand.",
        ("h2", "Details"), "Morning routing: Leo Park described a whiteboard (00:01:10)",
        ("h1", "📖 Transcript"), "00:00:00",
        "Dana Whitfield: How do you plan the technicians' day right now?",
        "Leo Park: Honestly it's a whiteboard.",
        "Dana Whitfield: What happens when a customer calls to reschedule?",
        "Leo Park: Then I redo half the board."])
    transcript = load_transcript(path)
    assert [speaker for speaker, _ in turns(transcript)] == ["Dana Whitfield", "Leo Park"] * 2
    assert customer_text(transcript) == "Honestly it's a whiteboard.\nThen I redo half the board."
    assert interviewers(transcript) == {"Dana Whitfield"}


TINGWU = """汽修厂访谈
2026-11-05 15:00 | 时长 32分钟

关键词
车况、拍照、微信群、纠纷

全文摘要
本次访谈中，刘师傅介绍了修理厂记录车况的做法，照片难找是最大的问题。

章节速览
00:00 车况记录方式
刘师傅介绍师傅拍照发群，再抄到本子上。
02:15 纠纷时拿不出证据
照片太多找不到。

发言总结
发言人1
询问了车况记录方式和遇到的问题。
发言人2
介绍了拍照发群的做法，纠纷时拿不出证据。

要点回顾
问题：现在怎么记录车况？
回答：拍照发群，再抄到本子上。

原文
发言人1 00:00
你们现在客户来修车，怎么记录车况？

发言人2 00:05
师傅拿手机拍照，然后发到群里，我再抄到本子上。

发言人1 02:15
这样会出什么问题吗？

发言人2 02:18
照片一多就找不到了，客户来吵说我们把车刮了，我们也拿不出证据。
"""


@pytest.mark.parametrize("renamed", [False, True], ids=["numbered", "renamed"])
def test_tingwu_summaries_chapters_and_speaker_summaries_above_the_original(renamed: bool) -> None:
    text = TINGWU.replace("发言人1 0", "王磊 0").replace("发言人2 0", "刘师傅 0") if renamed else TINGWU
    asker, answerer = ("王磊", "刘师傅") if renamed else ("发言人1", "发言人2")
    transcript = parse_transcript(text, "qixiu.txt")
    assert turns(transcript) == [
        (asker, "你们现在客户来修车，怎么记录车况？"),
        (answerer, "师傅拿手机拍照，然后发到群里，我再抄到本子上。"),
        (asker, "这样会出什么问题吗？"),
        (answerer, "照片一多就找不到了，客户来吵说我们把车刮了，我们也拿不出证据。"),
    ]
    assert interviewers(transcript) == {asker}
    for tool_words in ("车况记录方式", "照片太多找不到", "介绍了拍照发群", "回答", "关键词", "纠纷"):
        assert tool_words not in every_text(transcript)


XUNFEI_INLINE = """讯飞听见 转写结果
文件名称：汽修厂访谈.mp3
转写时长：00:18:42

说话人1 00:00:01 你们现在客户来修车，怎么记录车况？
说话人2 00:00:05 师傅拿手机拍照，然后发到群里，我再抄到本子上。
说话人1 00:00:14 这样会出什么问题吗？
说话人2 00:00:18 照片一多就找不到了。
"""


def test_xunfei_speaker_time_and_speech_on_one_line() -> None:
    transcript = parse_transcript(XUNFEI_INLINE, "xunfei.txt")
    assert turns(transcript) == [
        ("说话人1", "你们现在客户来修车，怎么记录车况？"),
        ("说话人2", "师傅拿手机拍照，然后发到群里，我再抄到本子上。"),
        ("说话人1", "这样会出什么问题吗？"),
        ("说话人2", "照片一多就找不到了。"),
    ]
    assert transcript.turns[-1].timestamp == "00:00:18"
    assert interviewers(transcript) == {"说话人1"}
    assert "汽修厂访谈.mp3" not in every_text(transcript)


FEISHU_MINUTES = """汽修厂访谈
2026年11月5日 下午 3:00|18分钟 42秒

关键词:
车况、拍照、微信群、纠纷

智能纪要
总结
客户通过微信群记录车况，照片难以查找，容易引发纠纷。
待办
- 王磊：下周发送试用账号

文字记录:
王磊 00:00
你们现在客户来修车，怎么记录车况？

刘师傅 00:05
师傅拿手机拍照，然后发到群里，我再抄到本子上。

王磊 00:14
这样会出什么问题吗？

刘师傅 00:18
照片一多就找不到了。
"""

TENCENT_MEETING = """会议主题：冷链仓储访谈
会议时间：2026/11/05 15:00-15:40
参会人员：王磊、孙丽、周记录员

智能纪要
本次会议讨论了冷库温度记录的方式。孙丽表示目前靠人工每两小时抄一次温度计。
待办事项
王磊：整理需求文档

王磊(00:00:03)：孙总您好，现在冷库温度是怎么记录的？
孙丽(00:00:09)：每两个小时让仓管去抄一次温度计，写在墙上的表里。
王磊(00:00:20)：夜里也抄吗？
孙丽(00:00:24)：夜里就没人抄了，出了问题也查不到是几点坏的。
周记录员(00:00:40)：想确认一下，墙上的表多久收一次？
孙丽(00:00:45)：一个月收一次，放在办公室。
"""

DINGTALK_FLASH_NOTES = """闪记 | 民宿运营访谈
2026-11-05 15:00 · 时长 20:11

AI摘要
民宿老板目前用Excel管理多个平台的订单，经常超卖。

发言人1 (00:00:02)
你们在几个平台上卖房？

发言人2 (00:00:06)
携程、美团、小红书都有，订单都抄到Excel里。

发言人1 (00:00:15)
超卖过吗？

发言人2 (00:00:18)
上个月超卖了三次，只能给客人升级房型赔钱。
"""


def test_feishu_minutes_smart_notes_and_to_dos_above_the_record() -> None:
    transcript = parse_transcript(FEISHU_MINUTES, "feishu.txt")
    assert turns(transcript) == [
        ("王磊", "你们现在客户来修车，怎么记录车况？"),
        ("刘师傅", "师傅拿手机拍照，然后发到群里，我再抄到本子上。"),
        ("王磊", "这样会出什么问题吗？"),
        ("刘师傅", "照片一多就找不到了。"),
    ]
    assert interviewers(transcript) == {"王磊"}
    assert "试用账号" not in every_text(transcript) and "容易引发纠纷" not in every_text(transcript)


def test_tencent_meeting_smart_notes_and_a_note_taker_who_asks_once() -> None:
    transcript = parse_transcript(TENCENT_MEETING, "lenglian.txt")
    assert turns(transcript) == [
        ("王磊", "孙总您好，现在冷库温度是怎么记录的？"),
        ("孙丽", "每两个小时让仓管去抄一次温度计，写在墙上的表里。"),
        ("王磊", "夜里也抄吗？"),
        ("孙丽", "夜里就没人抄了，出了问题也查不到是几点坏的。"),
        ("周记录员", "想确认一下，墙上的表多久收一次？"),
        ("孙丽", "一个月收一次，放在办公室。"),
    ]
    assert interviewers(transcript) == {"王磊", "周记录员"}
    assert "需求文档" not in every_text(transcript) and "本次会议" not in every_text(transcript)


def test_dingtalk_ai_summary_above_numbered_speakers() -> None:
    transcript = parse_transcript(DINGTALK_FLASH_NOTES, "minsu.txt")
    assert turns(transcript) == [
        ("发言人1", "你们在几个平台上卖房？"),
        ("发言人2", "携程、美团、小红书都有，订单都抄到Excel里。"),
        ("发言人1", "超卖过吗？"),
        ("发言人2", "上个月超卖了三次，只能给客人升级房型赔钱。"),
    ]
    assert interviewers(transcript) == {"发言人1"}
    assert "经常超卖" not in every_text(transcript)


WECHAT_CHAT = """与赵敏的聊天记录
2026-11-06

陈思远 2026-11-06 20:01
赵老师您好，方便问您几个关于预约的问题吗？
赵敏 2026-11-06 20:03
可以的
赵敏 2026-11-06 20:03
[语音 60″]
转文字：我们现在主要是电话预约，前台接了电话就写在本子上，但是周末的时候电话特别多，前台一个人忙不过来，有时候写漏了，客人来了
赵敏 2026-11-06 20:04
[语音 15″]
转文字：才发现没有记，只能让他等。
陈思远 2026-11-06 20:05
那您试过用软件吗？
赵敏 2026-11-06 20:06
[图片]
赵敏撤回了一条消息
赵敏 2026-11-06 20:07
试过一个小程序，这是截图。老客户不会用。
陈思远 2026-11-06 20:08
明白了，谢谢！
"""


def test_wechat_history_with_voice_to_text_a_cut_voice_message_pictures_and_a_recall() -> None:
    transcript = parse_transcript(WECHAT_CHAT, "wechat.txt")
    assert turns(transcript) == [
        ("陈思远", "赵老师您好，方便问您几个关于预约的问题吗？"),
        ("赵敏", "可以的\n我们现在主要是电话预约，前台接了电话就写在本子上，但是周末的时候电话特别多，"
                 "前台一个人忙不过来，有时候写漏了，客人来了才发现没有记，只能让他等。"),
        ("陈思远", "那您试过用软件吗？"),
        ("赵敏", "试过一个小程序，这是截图。老客户不会用。"),
        ("陈思远", "明白了，谢谢！"),
    ]
    assert interviewers(transcript) == {"陈思远"}
    for not_words in ("转文字", "语音", "图片", "撤回"):
        assert not_words not in every_text(transcript)


WECHAT_DATE_FIRST = """2026-11-06 20:01:05 陈思远
您好，方便聊聊预约的事吗？

2026-11-06 20:02:10 赵敏
[表情]
可以，你问吧。

2026-11-06 20:03:00 陈思远
现在怎么预约？

2026-11-06 20:04:00 赵敏
打电话。
"""

WECHAT_EN = """Dana Whitfield 2026-11-06 8:01 PM
Hi Marco, can I ask how you pick the spot each day?
Marco Rossi 2026-11-06 8:03 PM
[Voice message 60"]
Instagram polls mostly.
Marco Rossi 2026-11-06 8:04 PM
[Photo]
Dana Whitfield 2026-11-06 8:05 PM
And do the polls work?
Marco Rossi 2026-11-06 8:06 PM
Not really, half the voters never show.
Marco Rossi recalled a message
"""


def test_chat_export_with_the_date_before_the_name() -> None:
    transcript = parse_transcript(WECHAT_DATE_FIRST, "wechat.txt")
    assert turns(transcript) == [
        ("陈思远", "您好，方便聊聊预约的事吗？"), ("赵敏", "可以，你问吧。"),
        ("陈思远", "现在怎么预约？"), ("赵敏", "打电话。"),
    ]
    assert interviewers(transcript) == {"陈思远"}


def test_english_chat_export_with_media_placeholders_and_a_recall() -> None:
    transcript = parse_transcript(WECHAT_EN, "chat.txt")
    assert turns(transcript) == [
        ("Dana Whitfield", "Hi Marco, can I ask how you pick the spot each day?"),
        ("Marco Rossi", "Instagram polls mostly."),
        ("Dana Whitfield", "And do the polls work?"),
        ("Marco Rossi", "Not really, half the voters never show."),
    ]
    assert interviewers(transcript) == {"Dana Whitfield"}


def test_a_sentence_about_leaving_a_meeting_is_still_speech() -> None:
    transcript = parse_transcript(
        "Dana: When did it go wrong?\nLeo: Honestly?\nHe left the meeting.\nThen he quit.\n"
        "Dana: Why?\nLeo: Money.\n", "quit.txt")
    assert transcript.turns[1].text == "Honestly?\nHe left the meeting.\nThen he quit."


def test_chinese_speech_about_leaving_a_meeting_or_ai_text_is_still_speech() -> None:
    transcript = parse_transcript(
        "王磊：后来呢？\n孙丽：他中途离开了会议\n其实很多文案都是由AI生成的\n王磊：为什么？\n孙丽：省钱。\n", "zh.txt")
    assert transcript.turns[1].text == "他中途离开了会议\n其实很多文案都是由AI生成的"


def test_chinese_tool_notices_are_not_speech() -> None:
    transcript = parse_transcript(
        "王磊开始录制\n王磊：现在怎么记录？\n孙丽：抄在表上。\n以上内容由AI生成，仅供参考\n孙丽离开会议\n"
        "王磊：谁来抄？\n孙丽：仓管。\n", "zh.txt")
    assert [t.text for t in transcript.turns] == ["现在怎么记录？", "抄在表上。", "谁来抄？", "仓管。"]


def test_a_labelled_line_about_leaving_the_meeting_is_speech() -> None:
    transcript = parse_transcript("Dana: What happened next?\nLeo: He left the meeting\n"
                                  "Dana: Why?\nLeo: Money.\n", "left.txt")
    assert [t.text for t in transcript.turns] == ["What happened next?", "He left the meeting", "Why?", "Money."]


ZOOM_AI_COMPANION = """Meeting summary for Dental lab interview (11/05/2026)

Quick recap
Dana and Elena discussed how clinics send impressions and how unreadable slips delay work.

Next steps
Dana to send Elena a demo link.

Summary
Paper slips
Elena said half the slips are unreadable and each costs two days.

AI-generated content may be inaccurate or misleading. Always check for accuracy.

Dana Whitfield: How do clinics send you impressions today?
Elena Voss: A courier picks them up, and the prescription is a paper slip.
Dana Whitfield: What happens then?
Elena Voss: We call the clinic and wait.
"""


def test_zoom_ai_companion_summary_above_the_transcript() -> None:
    transcript = parse_transcript(ZOOM_AI_COMPANION, "lab.txt")
    assert customer_text(transcript) == "A courier picks them up, and the prescription is a paper slip.\n" \
        "We call the clinic and wait."
    assert interviewers(transcript) == {"Dana Whitfield"}
    assert "demo link" not in every_text(transcript) and "each costs two days" not in every_text(transcript)


NAME_OVER_TIME_EN = """Overview
- Priya tracks containers by email.

Notes
Tracking: emails to carriers

Transcript
Dana Whitfield
00:00
How do you track the containers once they leave the port?
Priya Nair
00:06
We email the carriers and paste their answers into a tracker.
Dana Whitfield
00:15
And when something is late?
Priya Nair
00:18
The customer usually tells us before the carrier does.
"""


def test_name_over_a_timestamp_line_over_the_speech() -> None:
    transcript = parse_transcript(NAME_OVER_TIME_EN, "freight.txt")
    assert turns(transcript) == [
        ("Dana Whitfield", "How do you track the containers once they leave the port?"),
        ("Priya Nair", "We email the carriers and paste their answers into a tracker."),
        ("Dana Whitfield", "And when something is late?"),
        ("Priya Nair", "The customer usually tells us before the carrier does."),
    ]
    assert transcript.turns[1].timestamp == "00:06"
    assert interviewers(transcript) == {"Dana Whitfield"}
    assert "emails to carriers" not in every_text(transcript)


WECHAT_FORWARDED = """赵敏和我的聊天记录
—————  2026-11-06  —————
我  20:01
赵老师，方便问您几个预约的问题吗？
赵敏  20:03
可以
赵敏  20:03
[语音] 58"
转文字：我们主要是电话预约，前台写在本子上。
我  20:05
试过软件吗？
赵敏  20:07
[文件] 小程序截图.pdf
赵敏  20:07
试过一个小程序，老客户不会用。
"""


def test_forwarded_chat_history_with_me_a_voice_message_and_a_file() -> None:
    transcript = parse_transcript(WECHAT_FORWARDED, "wechat.txt")
    assert turns(transcript) == [
        ("我", "赵老师，方便问您几个预约的问题吗？"),
        ("赵敏", "可以\n我们主要是电话预约，前台写在本子上。"),
        ("我", "试过软件吗？"),
        ("赵敏", "试过一个小程序，老客户不会用。"),
    ]
    assert interviewers(transcript) == {"我"}
    assert "截图.pdf" not in every_text(transcript) and "58" not in every_text(transcript)


def test_older_teams_docx_with_cue_timings_and_the_name_above_each_cue(tmp_path: Path) -> None:
    path = _docx(tmp_path / "teams_old.docx", [
        "Laundry pickup interview", "",
        "0:0:0.0 --> 0:0:3.520", "Dana Whitfield", "Thanks for joining. How do you send out the pickups?", "",
        "0:0:3.520 --> 0:0:8.100", "Ruth Adeyemi", "We have a shared calendar", "",
        "0:0:8.100 --> 0:0:10.0", "Ruth Adeyemi", "and a driver who checks it.", "",
        "0:0:10.0 --> 0:0:12.0", "Dana Whitfield", "How often does he forget?", "",
        "0:0:12.0 --> 0:0:14.0", "Ruth Adeyemi", "Twice a month."])
    transcript = load_transcript(path)
    assert turns(transcript) == [
        ("Dana Whitfield", "Thanks for joining. How do you send out the pickups?"),
        ("Ruth Adeyemi", "We have a shared calendar and a driver who checks it."),
        ("Dana Whitfield", "How often does he forget?"),
        ("Ruth Adeyemi", "Twice a month."),
    ]
    assert transcript.turns[-1].timestamp == "0:0:12.0" and transcript.format == "docx"
    assert interviewers(transcript) == {"Dana Whitfield"}
    assert "Laundry pickup interview" not in customer_text(transcript)


def test_a_transcript_title_then_plain_notes_above_the_dialogue() -> None:
    transcript = parse_transcript("访谈记录\n摘要\n老板用Excel管订单。\n\n王磊：你们怎么管订单？\n李敏：用Excel。\n"
                                  "王磊：出过问题吗？\n李敏：超卖过。\n", "minsu.txt")
    assert customer_text(transcript) == "用Excel。\n超卖过。"
    assert "老板用Excel管订单" not in every_text(transcript)


def test_a_bold_sentence_in_a_word_file_is_speech_without_markup(tmp_path: Path) -> None:
    path = _docx(tmp_path / "bold.docx", [
        "Dana: Would you go back to the whiteboard?", "Marco: Honestly?", ("bold", "Absolutely not."),
        "Dana: Why?", "Marco: Too many reschedules."])
    transcript = load_transcript(path)
    assert transcript.turns[1].text == "Honestly?\nAbsolutely not."


def test_tool_notes_below_the_transcript_are_not_speech() -> None:
    transcript = parse_transcript(
        "发言人1 00:00\n你们在几个平台上卖房？\n\n发言人2 00:06\n携程、美团都有。\n\n发言人1 00:15\n超卖过吗？\n\n"
        "发言人2 00:18\n上个月超卖了三次。\n\n关键词\n超卖、平台\n\n全文摘要\n民宿老板经常超卖。\n", "minsu.txt")
    assert customer_text(transcript) == "携程、美团都有。\n上个月超卖了三次。"
