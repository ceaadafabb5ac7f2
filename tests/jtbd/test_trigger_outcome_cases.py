"""Twelve short interviews written for this test (tests/jtbd/trigger_outcome_cases/, trades not
used anywhere else, English and Chinese) with their triggers and desired outcomes marked: a
trigger told as a story over several sentences, an ultimatum someone relayed, a dated one-off
loss, outcomes said as "I just want", "what I need is", "目标是", "最好能" or as a number to reach.
Read the way the holdout scorer reads them (training/score_jtbd_holdout.py)."""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import pytest

from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
from icp_coach.transcripts.loader import parse_transcript

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).resolve().parent / "trigger_outcome_cases"


@lru_cache(maxsize=1)
def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_jtbd_holdout", ROOT / "training" / "score_jtbd_holdout.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _recall(label: str, result_field: str, blind: bool) -> tuple[int, int]:
    scorer = _scorer()
    extractor = OfflineJTBDExtractor()
    hit = total = 0
    for interview in scorer.read_holdout(CASES):
        transcript = parse_transcript(scorer.render(interview, blind), f"{interview.trade}.txt",
                                      interviewer=[scorer.INTERVIEWER[interview.language]])
        result = extractor.extract_jtbd(transcript)
        golds = [text for tag, text in interview.gold if tag == label]
        quotes = [q.quote for item in getattr(result, result_field) for q in item.evidence]
        hits = scorer.matched(golds, quotes, transcript)
        hit, total = hit + sum(hits), total + len(golds)
    return hit, total


@pytest.mark.parametrize("blind", [False, True], ids=["asked", "and-then"])
def test_the_moment_that_made_them_act_is_found_in_most_interviews(blind: bool) -> None:
    hit, total = _recall("trigger", "triggers", blind)
    assert total >= 12 and hit >= 0.8 * total


@pytest.mark.parametrize("blind", [False, True], ids=["asked", "and-then"])
def test_the_result_they_want_is_found_in_most_interviews(blind: bool) -> None:
    hit, total = _recall("desired_outcome", "desired_outcomes", blind)
    assert total >= 20 and hit >= 0.85 * total


_STORY = """Ana: What made you change?
Raj: Last spring we had a big catering order for a school fete booked in.
Raj: Then the van broke down and nobody had the customer's number, so we lost the whole order and the school never came back.
Ana: And what do you want now?
Raj: We just want every order confirmed by text the day before, so that a breakdown is a phone call, not a lost customer.
"""
_STORY_ZH = """小陈: 后来为什么换？
老刘: 前年春节的时候，我们接了一个三百桌的年夜饭单子。
老刘: 结果厨房把日期记错了一天，客人到了什么都没准备，最后赔了两万块。
小陈: 你想要什么结果？
老刘: 目标是每个订单提前三天自动提醒，这样就不会再记错了。
"""


def _run(text: str, interviewer: str):  # type: ignore[no-untyped-def]
    return OfflineJTBDExtractor().extract_jtbd(parse_transcript(text, "story.txt", interviewer=[interviewer]))


def _quotes(items: list) -> str:
    return " | ".join(q.quote for item in items for q in item.evidence)


def test_what_went_wrong_after_the_dated_scene_is_part_of_the_trigger() -> None:
    assert "lost the whole order" in _quotes(_run(_STORY, "Ana").triggers)
    assert "赔了两万块" in _quotes(_run(_STORY_ZH, "小陈").triggers)


def test_a_result_worded_as_what_they_want_is_an_outcome() -> None:
    assert "confirmed by text" in _quotes(_run(_STORY, "Ana").desired_outcomes)
    assert "提前三天" in _quotes(_run(_STORY_ZH, "小陈").desired_outcomes)
