"""The answer to "what made you change?" tells the trigger as a small story, and the head reads
the story's sentences one at a time: the scene ("去年冬天最冷那几天，锅炉半夜停了") often as a
push, because it is a bad event, and what it led to ("限期整改一个月", "the next day three
parents asked for a refund") as an outcome or a pull. Read as a whole answer:

- in an answer to a trigger question, a dated bad event told once is the trigger, even when the
  head leaned to push (`dated_scenes_in_trigger_answers`);
- the sentences right after a trigger, in the same answer, that narrate what happened next (a
  one-off past event, an ultimatum, a deadline) and do not say what the customer wants, carry the
  trigger on (`story_goes_on`);
- an answer that says there was no one moment ("There wasn't one big thing", "说不上来哪天")
  holds no trigger but the dated event it contrasts with ("but then in March ...")
  (`no_moment_no_trigger`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from icp_coach.engines.offline.jtbd.decision import MIN_PROBABILITY
from icp_coach.engines.offline.jtbd.story import DATED, ONGOING, RELAYED_ULTIMATUM, Labelled

STORY_STEPS = 2  # sentences after a trigger sentence that can carry its story on
# how much of the trigger sentence's strength a sentence that carries its story takes: the trigger
# sentence itself stays first when the best few are kept
CARRIED_STRENGTH = 0.9

_TRIGGER_QUESTION = {
    "en": re.compile(
        r"\b(?:what (?:made|got|pushed|prompted|tipped) (?:you|them|it)|what happened|what changed|"
        r"(?:was|is) there (?:a|one|any) (?:moment|point|day|event|thing)|why (?:now|then|change|switch)|"
        r"when did (?:you|it) (?:decide|realise|realize|start|know|become)|last straw|tipping point|"
        r"what was the (?:moment|trigger|final straw)|how did (?:that|it) come about|made you (?:look|start|go)|"
        r"(?:take|walk|talk) me (?:back )?(?:to|through) (?:the|that) (?:day|moment|week|night|morning)|"
        r"come to a head|why did you (?:start|decide|begin)|(?:start|started|begin|began) looking)\b",
        re.IGNORECASE),
    "zh": re.compile(
        r"(?:为什么(?:想|要|会|突然)?(?:换|改|找|上|决定)|什么原因|是什么让|怎么(?:想到|就|会)(?:要)?(?:换|找|上)|"
        r"什么时候(?:觉得|开始|决定|下决心|意识到)|契机|导火索|发生了什么|出了什么事|为什么是现在|怎么回事|"
        r"下决心|不行了|开始找|(?:说说|讲讲|聊聊)那次|那次是怎么|什么事让|哪件事)"),
}
# the customer's own want or result: a sentence saying it tells an outcome, not the story
_WANTS = {
    "en": re.compile(
        r"\b(?:want|wants|need|needs|would like|'d like|'d love|hope|hoping|wish|so that|so (?:i|we) can|"
        r"be able to|ideally|goal|aim|rather)\b", re.IGNORECASE),
    "zh": re.compile(r"(?:希望|想要|我想|就想|只想|要的是|最好|能够|可以|就能|才能|不用再|不再|以后|将来|目标|理想|"
                     r"以便|这样(?:就|我|我们)?|就好了)"),
}
# a one-off event told in the past: the story moving on, not a state of affairs
_PAST_EVENT = {
    "en": re.compile(
        r"\b(?:was|were|had|did|got|went|came|took|made|ran|said|told|left|lost|broke|sat|turned|showed|"
        r"found|gave|put|sent|rang|called|drove|quit|stopped|happened|couldn't|didn't|wasn't|weren't|"
        r"[a-z]{2,}ed)\b", re.IGNORECASE),
    "zh": re.compile(r"(?:了|过|结果|当时|直接|才|那天|那次|第二天|当天|当晚|差点|限期|整改|通知)"),
}
# a deadline or an ultimatum said outright: "within sixty days or ...", "限期一个月", "不然就……"
_DEADLINE = {
    "en": re.compile(
        r"\b(?:within (?:\w+ )?(?:days|weeks|months)|by the (?:next|end of)|or (?:else|they(?:'ll| will| would)?|"
        r"we(?:'re| are| will|'ll)?|the \w+ (?:goes|go) up)|put it in writing|final warning|ultimatum|"
        r"or (?:they're|they are) \w+ing)\b", re.IGNORECASE),
    "zh": re.compile(r"(?:限期|限[一二三四五六七八九十两\d]+天|最后通牒|不然|否则|再(?:出|有|这样).{0,10}就|就别|整改)"),
}
# "there was no one moment": said at the start of the answer
_NO_MOMENT = {
    "en": re.compile(
        r"^(?:(?:um|uh|well|honestly|no|yeah|so|i mean|if i'm honest|to be honest),?\s*)*"
        r"(?:not really|not as such|not one thing|there (?:wasn't|was not|was never) (?:one|a|any) (?:big |single |"
        r"particular |specific )?(?:thing|moment|day|event|reason)|no (?:one|single|particular|specific|big) "
        r"(?:thing|moment|event|day|reason)|nothing (?:specific|in particular|dramatic)|it (?:just )?crept up|"
        r"it was (?:more )?(?:gradual|a slow build)|not that i (?:can )?remember)\b", re.IGNORECASE),
    "zh": re.compile(
        r"(?:没(?:有)?(?:什么)?特别的?(?:原因|事|契机|理由)|说不上来|不是一下子|没有(?:一个|哪个)?具体的?(?:时间|事|原因)|"
        r"也没(?:有)?(?:什么)?(?:契机|导火索)|不是因为(?:某一件|哪一件|哪件)事|慢慢(?:地|的)?就)"),
}
# a sentence that turns against the denial: "But then in March ...", "不过去年……"
_CONTRAST = {
    "en": re.compile(r"^(?:(?:but|and|then|until|although|though|except),?\s*)+", re.IGNORECASE),
    "zh": re.compile(r"^(?:但是|但|不过|可是|直到|后来|结果)"),
}


def _key(language: str) -> str:
    return "zh" if language == "zh" else "en"


def _trigger_answers(items: Sequence[Labelled], questions: Mapping[int, str], language: str) -> set[int]:
    asked = _TRIGGER_QUESTION[_key(language)]
    return {item.sentence.turn_index for item in items
            if asked.search(questions.get(item.sentence.turn_index, ""))}


def dated_scenes_in_trigger_answers(items: Sequence[Labelled], questions: Mapping[int, str],
                                    language: str) -> None:
    """A push the customer dates and tells once, in the answer to a trigger question, is the
    trigger: what made them act, told as the bad event it was."""
    key = _key(language)
    answers = _trigger_answers(items, questions, language)
    for item in items:
        if item.label != "push" or item.sentence.turn_index not in answers:
            continue
        text = item.sentence.text
        if DATED[key].search(text) and not ONGOING[key].search(text):
            item.label = "trigger"
            item.scores["trigger"] = max(item.scores.get("trigger", 0.0), MIN_PROBABILITY)


def _carries_story(item: Labelled, in_trigger_answer: bool, language: str) -> bool:
    key = _key(language)
    text = item.sentence.text.strip()
    told_as_deadline = bool(_DEADLINE[key].search(text) or RELAYED_ULTIMATUM[key].search(text))
    if item.label == "pull":
        return told_as_deadline  # "sort it out within sixty days or the premium goes up"
    if item.label not in (None, "push", "outcome"):
        return False
    if _WANTS[key].search(text) or ONGOING[key].search(text):
        return False
    return told_as_deadline or (in_trigger_answer and bool(_PAST_EVENT[key].search(text)))


def story_goes_on(items: Sequence[Labelled], questions: Mapping[int, str], language: str) -> None:
    """Files under `trigger` the sentences that narrate what a trigger led to (same answer, at most
    STORY_STEPS after a trigger sentence, a chain): one-off past events in the answer to a trigger
    question, deadlines and ultimatums anywhere; never a sentence that says what they want."""
    answers = _trigger_answers(items, questions, language)
    for index, item in enumerate(items):
        if item.label != "trigger":
            continue
        strength = max(item.scores.get("trigger", 0.0), MIN_PROBABILITY)
        for after in items[index + 1:index + 1 + STORY_STEPS]:
            if after.sentence.turn_index != item.sentence.turn_index:
                break
            if after.label == "trigger":
                break  # it tells its own and carries on from there
            if not _carries_story(after, after.sentence.turn_index in answers, language):
                break
            after.label = "trigger"
            after.scores["trigger"] = max(after.scores.get("trigger", 0.0),
                                          max(CARRIED_STRENGTH * strength, MIN_PROBABILITY))


# a sentence that points back at the event just told: "That's when I thought, right, never again"
_POINTS_BACK = {
    "en": re.compile(
        r"^(?:(?:and|so|but|yeah|honestly),?\s+)*(?:that's when|that is when|that was when|that was the (?:moment|day|point|"
        r"last straw|final straw|turning point)|that did it|that was it|that's what (?:did it|tipped it|made me|made us)|"
        r"after that(?:,)? (?:i|we) (?:knew|decided|said|thought|started))\b", re.IGNORECASE),
    "zh": re.compile(r"^(?:就是那次|就那次|那次以后|那次之后|从那以后|从那之后|那之后|经过那次|出了这事|这事以后|这件事以后|"
                     r"这件事之后|那一下|那一回)"),
}


def pointed_back_at(items: Sequence[Labelled], language: str) -> None:
    """The event told just before "that's when ..." / "就是那次……" (same answer) is a trigger, and
    so is the sentence that points back when it tells nothing else the customer wants."""
    key = _key(language)
    for before, item in zip(items, items[1:], strict=False):
        if before.sentence.turn_index != item.sentence.turn_index:
            continue
        if not _POINTS_BACK[key].search(item.sentence.text.strip()):
            continue
        text = before.sentence.text.strip()
        if before.label in (None, "push", "trigger") and _PAST_EVENT[key].search(text) \
                and not _WANTS[key].search(text) and not ONGOING[key].search(text):
            strength = max(item.scores.get("trigger", 0.0), before.scores.get("trigger", 0.0), MIN_PROBABILITY)
            before.label = "trigger"
            before.scores["trigger"] = strength


def _next_force(item: Labelled) -> str | None:
    forces = {name: item.scores.get(name, 0.0) for name in ("push", "pull", "anxiety", "habit")}
    best = max(forces, key=lambda name: forces[name])
    return best if forces[best] >= MIN_PROBABILITY else None


def no_moment_no_trigger(items: Sequence[Labelled], language: str) -> None:
    """In an answer that opens by saying there was no one moment, a trigger sentence is the
    gradual pain the customer described (its best force, or nothing) unless it turns against the
    denial with a date of its own ("But then, last March, ...")."""
    key = _key(language)
    denied: set[int] = set()
    first_of_turn: set[int] = set()
    for item in items:
        turn = item.sentence.turn_index
        if turn in first_of_turn:
            continue
        first_of_turn.add(turn)
        if _NO_MOMENT[key].search(item.sentence.text.strip()):
            denied.add(turn)
    for item in items:
        if item.label != "trigger" or item.sentence.turn_index not in denied:
            continue
        text = item.sentence.text.strip()
        if _CONTRAST[key].search(text) and DATED[key].search(text):
            continue
        item.label = _next_force(item)
