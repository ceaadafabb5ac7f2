"""Who is on the research side, without --interviewer, in 82 hand-written interviews (see
interviewer_cases/README.md): generic labels and tool ids, names only, Q/A records, bracket and
hyphen labels, two or three interviewers, an observer's single line, a customer who asks back,
an interviewer who explains the product, two customers, role words in labels and headers. A wrong
choice drops the customer's words or turns the interviewer's into evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from icp_coach.transcripts.header_people import header_people
from icp_coach.transcripts.loader import load_transcript, parse_transcript
from icp_coach.transcripts.role_cues import (
    asks,
    asks_back,
    courtesy,
    introduces_colleague,
    research_aside,
)

CASES = Path(__file__).resolve().parent / "interviewer_cases"
GOLD: dict[str, list[str]] = {
    **json.loads((CASES / "gold.json").read_text(encoding="utf-8")),
    **{f"{folder}/{name}": labels
       for folder in ("fresh", "hard", "unseen", "later", "final", "ids")
       for name, labels in json.loads((CASES / folder / "gold.json").read_text(encoding="utf-8")).items()},
}
STILL_WRONG: dict[str, str] = {}  # file -> why the loader still gets it wrong


def _params() -> list[object]:
    return [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=STILL_WRONG[name]))
            if name in STILL_WRONG else name for name in GOLD]


@pytest.mark.parametrize("name", _params())
def test_research_side_is_found_without_being_told(name: str) -> None:
    transcript = load_transcript(CASES / name)
    assert set(transcript.interviewers) == set(GOLD[name])
    customer_labels = {t.written_label() for t in transcript.customer_turns()}
    assert customer_labels and not customer_labels & set(GOLD[name])
    note = next(w for w in transcript.warnings if "interviewer(s):" in w)
    assert all(label in note for label in GOLD[name])


def test_a_short_answer_after_a_question_is_not_a_prompt() -> None:
    text = "\n".join([
        "Iris: Let me tell you about us first. We built a planner for bakery deliveries and we run it "
        "in three shops already, which taught us that Saturdays are where the money is lost. Do you deliver "
        "on Saturdays?",
        "Wu: Yes.", "Iris: How many deliveries?", "Wu: Thirty.", "Iris: Who drives?", "Wu: Me.",
        "Iris: What goes wrong on Saturdays?", "Wu: Traffic.",
    ])
    assert parse_transcript(text, "short.txt").interviewers == ["Iris"]


def test_every_case_is_a_real_interview() -> None:
    for name in GOLD:
        transcript = load_transcript(CASES / name)
        # ids/ are short on purpose (11-18 turns): the side must show in the first few exchanges
        shortest = 11 if name.startswith("ids/") else 25
        assert shortest <= len([t for t in transcript.turns if t.speaker]) <= 60, name


def test_a_customer_asking_about_price_and_features_is_not_the_interviewer() -> None:
    text = "\n".join([
        "Lena: Hi, can you hear me? Before we start, what does your company do?",
        "Omar: We're studying how bakeries order flour. How do you order today?",
        "Lena: By phone, every Monday. Does your tool send the orders for me? How much is it?",
        "Omar: No pricing yet. What goes wrong with the phone orders?",
        "Lena: The supplier mishears quantities, so we run short on Fridays. Can it work offline?",
        "Omar: When did that last happen?",
        "Lena: Last week, we ran out of rye by ten in the morning.",
        "Omar: Thanks for your time, this was really helpful.",
    ])
    transcript = parse_transcript(text, "flour.txt")
    assert transcript.interviewers == ["Omar"]
    assert any("Lena asks about the product" in w for w in transcript.warnings)
    assert any("Lena" in t.speaker for t in transcript.customer_turns())


def test_two_equal_askers_are_named_with_a_doubt() -> None:
    text = "\n".join([
        "Ana: How many trucks do you run?",
        "Ben: Twelve. How many do you run?",
        "Ana: Eight. What do you use for routes?",
        "Ben: A spreadsheet. And you?",
        "Ana: Paper. Why a spreadsheet?",
        "Ben: It was there. Why paper?",
    ])
    note = next(w for w in parse_transcript(text, "peers.txt").warnings if "interviewer(s):" in w)
    assert "unsure" in note


def test_participants_line_with_roles_in_brackets() -> None:
    assert header_people(["Participants: Jordan Blake (interviewer), Mei Chen (owner, dental lab)"]) == (
        ["Jordan Blake"], [])
    assert header_people(["参会人：周明（产品经理，访谈）、黄静（受访者，院长）"]) == (["周明"], ["黄静"])
    assert header_people(["Attendees: Sam Lee, Rita Gomez"]) == ([], [])  # no roles: says nothing


@pytest.mark.parametrize(("text", "kind"), [
    ("How do you plan the routes each morning?", "asks"),
    ("Could you walk me through last Tuesday.", "asks"),
    ("先请您简单介绍一下车队的情况吧。", "asks"),
    ("为什么会等那么久？", "asks"),
    ("Does your thing handle shared trucks?", "back"),
    ("How much would a tool like yours cost, ballpark?", "back"),
    ("你们这个软件多少钱一年？", "back"),
    ("能不能接我们现在的收银系统？", "back"),
    ("Can you hear me okay?", "neither"),
    ("喂，能听到吗？", "neither"),
])
def test_question_kinds(text: str, kind: str) -> None:
    assert (asks(text) and not asks_back(text)) == (kind == "asks")
    assert asks_back(text) == (kind == "back")


@pytest.mark.parametrize("text", ["I'll put the recording link and these notes in the team channel.",
                                  "Just noting that for the write-up, carry on.",
                                  "我这边记一下，会后把纪要发到群里。", "我主要听，偶尔补充几个问题。"])
def test_note_takers_lines(text: str) -> None:
    assert research_aside(text)


@pytest.mark.parametrize(("text", "observer"), [
    ("Speaker 1: Thanks for making time. How do you book the jobs?\n"
     "Speaker 2: By phone, and my wife writes them in a diary that lives in the van.\n"
     "Speaker 3: Sorry, joining late, don't mind me.\n"
     "Speaker 1: And then what happens when the diary is at home?\n"
     "Speaker 2: Then I guess, and I get it wrong about once a week.\n"
     "Speaker 1: When did that last happen?\n"
     "Speaker 2: Tuesday. I drove to a house that had cancelled, forty minutes each way.\n"
     "Speaker 1: What did that cost you?\n"
     "Speaker 2: Half a day, and the customer who was waiting for me went to someone else.", "Speaker 3"),
    ("说话人1：感谢您抽时间。您现在怎么接单？\n说话人2：电话接，我老婆记在本子上，本子放在车里。\n"
     "说话人3：不好意思来晚了，你们聊，我不插话。\n说话人1：然后呢？\n说话人2：然后本子落在家里，我就只能凭记忆。\n"
     "说话人1：上一次是什么时候？\n说话人2：上周二，我跑到一家已经取消的客户那里，来回八十分钟。\n"
     "说话人1：具体说说那天的损失。\n说话人2：半天白跑了，等我的那个客户也找别人了。",
     "说话人3"),
])
def test_a_late_observers_one_line_puts_them_on_the_research_side(text: str, observer: str) -> None:
    transcript = parse_transcript(text, "ids.txt")
    assert set(transcript.interviewers) == {"Speaker 1" if "Speaker" in text else "说话人1", observer}
    assert any(observer in w and "observer" in w for w in transcript.warnings)


@pytest.mark.parametrize("text", [
    "Hana - How do you plan the jobs?\nRick - On paper.\nHana - Why paper?\nRick - Habit, mostly.",
    "〔钟岚〕你们怎么排班？\n〔邓厂长〕手工排。\n〔钟岚〕为什么？\n〔邓厂长〕习惯了。",
    "spk_0: How do you plan the jobs?\nspk_1: On paper.\nspk_0: Why paper?\nspk_1: Habit, mostly.",
    "Q. How do you plan the jobs?\nA. On paper.\nQ. Why paper?\nA. Habit, mostly.",
    "00:00:01\tHana\tHow do you plan the jobs?\n00:00:05\tRick\tOn paper.\n00:00:09\tHana\tWhy paper?",
])
def test_more_label_layouts_are_read(text: str) -> None:
    transcript = parse_transcript(text, "layout.txt")
    assert len({t.speaker for t in transcript.turns}) == 2
    assert len(transcript.interviewers) == 1


def test_a_hyphen_in_speech_is_not_a_label() -> None:
    text = "\n".join(["Ana: How do you start the week?", "Bo: Monday - we load the vans first.",
                      "Ana: And then?", "Bo: Tuesday - deliveries, all day."])
    assert {t.speaker for t in parse_transcript(text, "dash.txt").turns} == {"Ana", "Bo"}


@pytest.mark.parametrize("text", ["Does it happen often?", "If you could change one thing, what would it be?",
                                  "What do you do with those?", "你们这个库存是怎么管的？", "那次损失多少钱？"])
def test_interviewer_questions_are_not_asking_back(text: str) -> None:
    assert asks(text) and not asks_back(text)


def test_a_silent_colleague_who_only_greets_and_thanks_is_on_the_research_side() -> None:
    lines = ["Mia: Thanks for joining, Tariq. Leo from our team is listening in.", "Leo: Hi Tariq.",
             "Tariq: Hi both."]
    for question, answer in [("How many vans do you run?", "Six vans, nine drivers."),
                             ("How do you plan routes?", "On a whiteboard every morning."),
                             ("What goes wrong?", "Roadworks, and drivers calling in sick."),
                             ("When did that last happen?", "Monday. Two drivers off, forty parcels late.")]:
        lines += [f"Mia: {question}", f"Tariq: {answer}"]
    lines += ["Mia: Thank you, this was really helpful.", "Leo: Thanks Tariq."]
    transcript = parse_transcript("\n".join(lines), "vans.txt")
    assert set(transcript.interviewers) == {"Mia", "Leo"}


def test_numbered_participants_can_still_include_a_second_interviewer() -> None:
    lines = ["Participant 1: Thanks for joining. How many clinics do you run?", "Participant 2: Three clinics."]
    for question, answer in [("How do you book patients?", "By phone, into a paper diary at each desk."),
                             ("What goes wrong with the diary?", "Double bookings, twice a week at least."),
                             ("When was the last one?", "Friday. Two patients for one slot, one left angry.")]:
        lines += [f"Participant 1: {question}", f"Participant 2: {answer}"]
    lines += ["Participant 3: One quick question from me: who fixes a double booking?",
              "Participant 2: The receptionist, by calling one patient to move.",
              "Participant 1: What have you tried?", "Participant 2: A shared calendar. Nobody kept it up.",
              "Participant 3: Why did nobody keep it up?", "Participant 2: The desks are too busy on the phone."]
    assert set(parse_transcript("\n".join(lines), "clinic.txt").interviewers) == {"Participant 1", "Participant 3"}


@pytest.mark.parametrize(("text", "question"), [
    ("so how do you plan the routes each morning", True),
    ("sorry to jump in how does the owner use the shared drive", True),
    ("那后来怎么处理的", True),
    ("店里一共几个人", True),
    ("we load the vans first and then the drivers leave", False),
    ("我们一般早上装车然后司机出发", False),
])
def test_questions_without_punctuation(text: str, question: bool) -> None:
    assert asks(text) == question


@pytest.mark.parametrize(("text", "name", "colleague"), [
    ("Thanks for joining. Owen from our team is on the line too, just listening in.", "Owen", True),
    ("今天我和我们的产品经理罗斌一起。", "罗斌", True),
    ("张总您好，我们的访谈大概半小时。", "张总", False),
    ("Thanks for having us, Gina. How long have you run the roastery?", "Gina", False),
])
def test_the_interviewer_introducing_a_colleague(text: str, name: str, colleague: bool) -> None:
    assert introduces_colleague(text, name) == colleague


@pytest.mark.parametrize(("text", "only_courtesy"), [
    ("Got it, thanks.", True), ("谢谢樊老板、谢谢阿姨。", True), ("邓厂长好。", True),
    ("Right, we had six vans.", False), ("好的，我们有三十个人。", False), ("Hi, I'm Jess, I run the bar.", False),
])
def test_what_a_silent_observer_says(text: str, only_courtesy: bool) -> None:
    assert courtesy(text) == only_courtesy
