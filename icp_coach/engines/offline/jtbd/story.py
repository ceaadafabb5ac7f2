"""A trigger told as a short story: the customer dates the scene in one sentence ("Back in March
I had a regular booked in", "去年夏天有只猫来打疫苗") and says what went wrong in the next
("She never showed, so I lost the morning", "结果病历找不到……"). The head reads the dated
sentence as the trigger and the one that says what happened as a push, because both are bad
events. Here the sentences that carry the story on, in the same answer, join the trigger.

A sentence carries the story on when it opens the way a narrated next step opens ("then",
"afterwards", "结果", "后来") or says what the event cost ("so I ended up", "只能赔钱").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from icp_coach.domain.jtbd_text import Sentence
from icp_coach.engines.offline.jtbd.decision import MIN_PROBABILITY

STORY_STEPS = 2  # sentences after the dated one that can carry the same story
_MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november|december|"
           r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec")
DATED = {
    "en": re.compile(
        rf"\b(?:(?:back )?in (?:the )?(?:{_MONTHS})|(?:last|that|one|this past) (?:week|month|year|spring|summer|"
        rf"autumn|fall|winter|christmas|easter|weekend|morning|night|day|monday|tuesday|wednesday|"
        rf"thursday|friday|saturday|sunday|{_MONTHS})|\w+ (?:days?|weeks?|months?|years?) ago|"
        rf"around (?:easter|christmas|new year|{_MONTHS})|(?:in|during) the (?:spring|summer|autumn|fall|"
        rf"winter|holidays)|on (?:a|one) \w+day|one day|at the (?:start|end) of (?:the|last) \w+|"
        rf"(?:back )?in (?:19|20)\d\d|(?:a|one|two|three|a couple of|a few) (?:weeks?|months?|years?) back|"
        rf"(?:last|that|this past) (?:quarter|season|term|harvest|summer|winter)|over (?:the )?(?:summer|winter|christmas))\b",
        re.IGNORECASE),
    "zh": re.compile(
        r"(?:去年|前年|今年|上个?月|上周|上礼拜|那年|那天|那次|有一次|有一天|[一二三四五六七八九十\d]+月|"
        r"春节|国庆|中秋|五一|双十一|暑假|寒假|年底|年初|夏天|冬天|秋天|春天|那会儿|那阵子|那段时间|当年|"
        r"(?:19|20)\d\d年|上半年|下半年|[一二三四五六七八九十\d]+号那天|周[一二三四五六日末]那天|礼拜[一二三四五六天日])"),
}
_CARRIES_ON = {
    "en": re.compile(
        r"^(?:(?:and|but) )?(?:then|afterwards|after that|the next (?:day|morning|week)|the (?:day|week|morning) after|next thing|"
        r"turns out|it turned out|by the time|that night|the same (?:day|night|week)|within a)\b|"
        r"\b(?:so (?:i|we) (?:lost|had to|ended up|got)|ended up|which meant|cost (?:us|me)|"
        r"(?:i|we) (?:lost|had to refund|had to pay|got (?:a|fined|sued))|never (?:showed|turned up|came))\b",
        re.IGNORECASE),
    "zh": re.compile(r"^(?:结果|后来|然后|最后|于是|没想到|谁知道|当时|那次|第二天)|结果|只能赔|赔了|赔钱|被罚|罚了"),
}


class Labelled(Protocol):
    sentence: Sentence
    label: str | None
    scores: dict[str, float]


def carry_story_triggers(items: Sequence[Labelled], language: str) -> None:
    """Files under `trigger` the sentences that carry a dated scene's story on (same answer, at
    most STORY_STEPS after it), ranked with the dated sentence's trigger score (at least
    MIN_PROBABILITY). A trigger sentence ends the story: it tells its own."""
    key = "zh" if language == "zh" else "en"
    dated, carries_on = DATED[key], _CARRIES_ON[key]
    for index, item in enumerate(items):
        if item.label in ("distractor", "outcome") or not dated.search(item.sentence.text):
            continue
        strength = max(item.scores.get("trigger", 0.0), MIN_PROBABILITY)
        for after in items[index + 1:index + 1 + STORY_STEPS]:
            if after.sentence.turn_index != item.sentence.turn_index:
                break
            if after.label in ("trigger", "distractor", "outcome", "pull"):
                break
            if not carries_on.search(after.sentence.text.strip()):
                break
            after.label = "trigger"
            after.scores["trigger"] = max(after.scores.get("trigger", 0.0), strength)


# a bad event said to happen again and again is a push, not the day something changed
ONGOING = {
    "en": re.compile(r"\b(?:always|every (?:time|week|day|month|morning|night)|each (?:time|week)|kept|keeps|"
                     r"constantly|all the time|usually|often|never knew|would always|used to)\b", re.IGNORECASE),
    "zh": re.compile(r"(?:经常|总是|老是|每次|每天|每周|每个月|一直|动不动|常常|天天|时不时)"),
}
# share of the push probability the trigger must reach for a dated one-off event to be a trigger
ONE_OFF_TRIGGER_SHARE = 0.5


def dated_one_offs_are_triggers(items: Sequence[Labelled], language: str) -> None:
    """A bad event the customer dates and tells once ("In October one of my lads quit") is the
    trigger the head nearly called it, when the head read it as a push only by a little: a push
    is a pain that goes on, a trigger the day it came to a head."""
    key = "zh" if language == "zh" else "en"
    for item in items:
        if item.label != "push":
            continue
        text = item.sentence.text
        push, trigger = item.scores.get("push", 0.0), item.scores.get("trigger", 0.0)
        if (trigger >= ONE_OFF_TRIGGER_SHARE * push and DATED[key].search(text)
                and not ONGOING[key].search(text)):
            item.label = "trigger"


# someone else's ultimatum, relayed: "the client said one more miss and we're done"
RELAYED_ULTIMATUM = {
    "en": re.compile(r"\b(?:said|told (?:us|me|him|her)|warned (?:us|me)|threatened|gave us)\b.{0,40}?"
                     r"\b(?:if|one more|next time|another|unless|or (?:else|we|they)|final warning|notice|"
                     r"(?:they|we)(?:'d| would| will|'ll) (?:drop|cancel|pull|lose|walk|leave|go|stop|switch|end))\b",
                     re.IGNORECASE),
    "zh": re.compile(r"(?:说|讲|通知|警告|放话|下了?最后通牒).{0,12}?(?:再|如果|要是|下次|不然|否则|就不|就换|就别|必须|以后)"),
}


def tells_when(text: str, language: str) -> bool:
    """Whether a trigger sentence pins the moment down: dated, or an ultimatum someone gave."""
    key = "zh" if language == "zh" else "en"
    return bool(DATED[key].search(text) or RELAYED_ULTIMATUM[key].search(text))
