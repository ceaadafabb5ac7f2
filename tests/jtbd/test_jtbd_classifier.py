"""The learned JTBD sentence classifier: shipped, loaded without pickle, and it reads sentences
from trades it was not trained on."""

from __future__ import annotations

from icp_coach.domain.jtbd_text import customer_sentences
from icp_coach.engines.offline.jtbd.classify import score_sentences, shipped_head
from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
from icp_coach.transcripts.loader import parse_transcript

INTERVIEW = """Interviewer: Tell me how the kennel handled bookings before.
Owner: Everything was on a paper calendar by the phone and we double booked the big runs all the time.
Interviewer: What made you decide to change?
Owner: A family drove four hours and we had no space for their dog, and that was the last straw.
Interviewer: What did you like about the new system?
Owner: Owners book and pay online at night and it fills cancelled runs from the waiting list automatically.
Interviewer: What worried you?
Owner: I was worried our older clients would not trust paying online.
Interviewer: Anything you did not care about?
Owner: The grooming upsell feature, I genuinely do not care about that.
Interviewer: What would success look like?
Owner: I want zero double bookings this summer.
"""


def test_the_head_ships_with_the_classes_of_the_task() -> None:
    head = shipped_head()
    assert head is not None
    assert set(head.classes) == {"push", "pull", "anxiety", "habit", "trigger", "desired_outcome",
                                 "not_valued", "none"}


def test_sentences_of_an_unseen_trade_get_their_class() -> None:
    transcript = parse_transcript(INTERVIEW, "kennel.txt")
    labels = {item.sentence.text[:30]: item.label
              for item in score_sentences(transcript, customer_sentences(transcript))}
    assert labels["I was worried our older client"] == "anxiety"
    assert labels["The grooming upsell feature, I"] == "distractor"
    assert labels["Owners book and pay online at "] == "pull"


def test_what_was_not_valued_is_never_a_force_and_quotes_are_the_customers() -> None:
    transcript = parse_transcript(INTERVIEW, "kennel.txt")
    result = OfflineJTBDExtractor().extract_jtbd(transcript)
    forces = [q.quote for f in ("push", "pull", "anxiety", "habit")
              for item in getattr(result.forces, f) for q in item.evidence]
    assert forces and not any("grooming" in q for q in forces)
    customer_text = " ".join(t.text for t in transcript.turns if not t.is_interviewer)
    assert all(q in customer_text for q in forces)


def test_job_statement_is_built_from_short_clauses_not_pasted_sentences() -> None:
    transcript = parse_transcript(INTERVIEW, "kennel.txt")
    result = OfflineJTBDExtractor().extract_jtbd(transcript)
    assert len(result.job_statements) == 1
    statement = result.job_statements[0]
    assert statement.text.startswith("When ") and ", I want to " in statement.text
    assert len(statement.evidence) == 3
    assert len(statement.text) < sum(len(q.quote) for q in statement.evidence) + 60


def test_no_job_statement_without_an_outcome_to_support_it() -> None:
    text = ("Interviewer: How did you book before?\n"
            "Owner: A paper calendar, and we double booked the big runs all the time.\n"
            "Interviewer: Anything else?\nOwner: Not really, that was it.\n")
    transcript = parse_transcript(text, "short.txt")
    assert OfflineJTBDExtractor().extract_jtbd(transcript).job_statements == []


STORY = """Interviewer: So how did you end up here? Just tell me the story.
Manager: We run a glass recycling depot with about twenty drivers.
Manager: Every evening we were typing the collection sheets into two systems by hand and it took until nine.
Manager: Now the collections land on one screen automatically and I just check them.
Manager: My finance director said the monthly fee would eat our margin if volumes drop.
Interviewer: Were you worried about anything?
Manager: Honestly I wasn't worried about the switch at all.
Manager: My only fear was that the drivers would ignore the alerts.
Interviewer: What did you like about it?
Manager: The route map looks lovely but we never use it.
"""

STORY_ZH = """采访者：然后呢？
客户：以前每天晚上都要手工对账，一直对到十一点。
客户：现在单子一进来系统自动汇总，我看一眼就行。
采访者：有没有什么顾虑？
客户：说实话我们一点都不担心费用。
客户：就是怕司机不愿意装这个软件。
采访者：最喜欢哪个功能？
客户：那个电子签名我们根本用不上。
"""


class _Labels:
    """The class of each customer sentence, looked up by how the sentence starts."""

    def __init__(self, text: str, name: str) -> None:
        transcript = parse_transcript(text, name)
        self._items = score_sentences(transcript, customer_sentences(transcript))

    def __getitem__(self, start: str) -> str | None:
        (label,) = [item.label for item in self._items if item.sentence.text.startswith(start)]
        return label


def _labels(text: str, name: str) -> _Labels:
    return _Labels(text, name)


def test_forces_are_read_from_the_sentence_when_the_question_says_nothing_of_them() -> None:
    labels = _labels(STORY, "depot.txt")
    assert labels["Every evenin"] == "push"
    assert labels["Now the coll"] == "pull"
    assert labels["We run a gla"] is None  # context, not a force
    zh = _labels(STORY_ZH, "depot_zh.txt")
    assert zh["现在单子一进来系统自动汇"] == "pull"


def test_a_worry_relayed_from_someone_else_is_an_anxiety() -> None:
    assert _labels(STORY, "depot.txt")["My finance d"] == "anxiety"


def test_a_worry_said_not_to_exist_is_no_anxiety() -> None:
    labels = _labels(STORY, "depot.txt")
    assert labels["Honestly I w"] != "anxiety"
    assert labels["My only fear"] == "anxiety"
    zh = _labels(STORY_ZH, "depot_zh.txt")
    assert zh["说实话我们一点都不担心费用"] != "anxiety"
    assert zh["就是怕司机不愿意装这个软件"] == "anxiety"


def test_a_feature_the_customer_never_uses_is_not_a_pull_even_after_a_pull_question() -> None:
    assert _labels(STORY, "depot.txt")["The route ma"] == "distractor"
    assert _labels(STORY_ZH, "depot_zh.txt")["那个电子签名我们根本用不上"] == "distractor"


RUN_ON = """Interviewer: So how did it go before?
Owner: yeah so we run six vans doing windows and gutters mostly houses some shops and the old way was a whiteboard in the office with every round on it and my back was killing me from carrying the long ladders all day and customers would ring asking when we were coming and we had no idea where the vans were there's a tip calculator in the app we never really use that
"""
RUN_ON_ZH = """访谈者：以前是怎么做的？
店主：我们有三家洗衣店 收衣服就是手写小票 客人的小票经常丢 我们根本查不到衣服在哪 每天晚上对账对到十一点 它还有个会员积分商城 这个我们用不上
"""


def test_a_force_inside_an_asr_run_on_is_its_own_quote() -> None:
    transcript = parse_transcript(RUN_ON, "windows.txt", interviewer=["Interviewer"])
    sentences = [s.text for s in customer_sentences(transcript)]
    assert len(sentences) > 3
    back = next(s for s in sentences if "my back was killing me" in s)
    assert "whiteboard" not in back and "tip calculator" not in back
    result = OfflineJTBDExtractor().extract_jtbd(transcript)
    forces = [q.quote for f in ("push", "pull", "anxiety", "habit")
              for item in getattr(result.forces, f) for q in item.evidence]
    assert forces and all(len(q.split()) <= 32 for q in forces)
    assert not any("tip calculator" in q for q in forces)
    not_valued = [q.quote for item in result.not_valued for q in item.evidence]
    assert any("tip calculator" in q for q in not_valued)
    assert not any("no idea where the vans were" in q for q in not_valued)


def test_a_chinese_run_on_is_cut_at_its_pauses() -> None:
    transcript = parse_transcript(RUN_ON_ZH, "laundry.txt", interviewer=["访谈者"])
    sentences = [s.text for s in customer_sentences(transcript)]
    lost = next(s for s in sentences if "查不到" in s)
    assert "手写小票" not in lost and "积分" not in lost
    result = OfflineJTBDExtractor().extract_jtbd(transcript)
    forces = [q.quote for f in ("push", "pull", "anxiety", "habit")
              for item in getattr(result.forces, f) for q in item.evidence]
    assert forces and not any("积分" in q for q in forces)
    not_valued = [q.quote for item in result.not_valued for q in item.evidence]
    assert not any("对账" in q for q in not_valued)


SHOWN_THEN_DISMISSED = """Interviewer: What else did you notice when you set it up?
Owner: There's a gift card module for the front desk, where you load a balance onto a plastic card. We never touch that. The thing that mattered was that every van had its list on the phone by seven.
"""
SHOWN_THEN_DISMISSED_ZH = """访谈者：用下来还有什么感受？
老板：它还有个直播带货的模块，可以在后台开直播间。这个我们从来不用。真正有用的是每台车早上七点前手机上就有当天的单子。
"""


def test_a_feature_shown_and_dismissed_in_the_next_sentence_is_not_a_force() -> None:
    for text, name, asker, feature, kept in (
            (SHOWN_THEN_DISMISSED, "vans.txt", "Interviewer", "gift card", "by seven"),
            (SHOWN_THEN_DISMISSED_ZH, "vans_zh.txt", "访谈者", "直播", "七点前")):
        transcript = parse_transcript(text, name, interviewer=[asker])
        result = OfflineJTBDExtractor().extract_jtbd(transcript)
        forces = [q.quote for f in ("push", "pull", "anxiety", "habit")
                  for item in getattr(result.forces, f) for q in item.evidence]
        assert not any(feature in q for q in forces), forces
        shown = next(i for i in score_sentences(transcript, customer_sentences(transcript))
                     if feature in i.sentence.text)
        assert shown.label == "distractor"
        assert not any(kept in q.quote for item in result.not_valued for q in item.evidence)
