"""The moment that made the customer look, the result they want and the job statement, on the
twelve switch interviews of tests/jtbd/switch_moment_cases/ (see its README: scored once before
the fixes, so the figures asserted here are regression checks) and on short stories written here.
Run without the embedding model, the way a broken install or a quick test run reads them."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from icp_coach.domain.job_statement import compose
from icp_coach.domain.jtbd import JTBDResult
from icp_coach.domain.jtbd_text import find_span, overlap_units
from icp_coach.domain.transcript import Transcript
from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
from icp_coach.transcripts.loader import load_transcript, parse_transcript

CASES = Path(__file__).resolve().parent / "switch_moment_cases"


@cache
def _case(name: str) -> tuple[dict, Transcript, JTBDResult]:
    gold = json.loads((CASES / f"{name}.gold.json").read_text(encoding="utf-8"))
    transcript = load_transcript(CASES / gold["transcript"])
    return gold, transcript, OfflineJTBDExtractor().extract_jtbd(transcript)


def _names() -> list[str]:
    return sorted(path.name[: -len(".gold.json")] for path in CASES.glob("*.gold.json"))


def _found(gold: str, quotes: list[str], transcript: Transcript) -> bool:
    """The quote overlaps a reported one by half the shorter one's words (characters)."""
    for turn in transcript.turns:
        target = find_span(gold, turn.text)
        if target is None:
            continue
        for quote in quotes:
            span = find_span(quote, turn.text)
            if span is None:
                continue
            shared = turn.text[max(span[0], target[0]):min(span[1], target[1])]
            shorter = min(len(overlap_units(gold, transcript.language)),
                          len(overlap_units(quote, transcript.language)))
            if shorter and 2 * len(overlap_units(shared, transcript.language)) >= shorter:
                return True
    return False


def _recall(gold_key: str, result_field: str) -> tuple[int, int]:
    hit = total = 0
    for name in _names():
        gold, transcript, result = _case(name)
        quotes = [q.quote for item in getattr(result, result_field) for q in item.evidence]
        hit += sum(_found(g, quotes, transcript) for g in gold[gold_key])
        total += len(gold[gold_key])
    return hit, total


def test_most_triggers_told_as_a_story_are_found() -> None:
    hit, total = _recall("trigger", "triggers")
    assert total >= 25 and hit >= 0.7 * total


def test_most_results_the_customer_wants_are_found() -> None:
    hit, total = _recall("desired_outcomes", "desired_outcomes")
    assert total >= 15 and hit >= 0.75 * total


@pytest.mark.parametrize("name", ["asbestos_removal_en", "roadside_towing_zh"])
def test_no_trigger_when_the_customer_says_there_was_no_one_moment(name: str) -> None:
    assert _case(name)[2].triggers == []


@pytest.mark.parametrize("name", ["cheese_maker_en", "roadside_towing_zh", "boiler_service_zh"])
def test_no_job_statement_without_a_stated_outcome(name: str) -> None:
    assert _case(name)[2].job_statements == []


def test_a_job_statement_for_most_interviews_that_support_one() -> None:
    supported = [name for name in _names() if _case(name)[0]["job_statement_supported"]]
    written = [name for name in supported if _case(name)[2].job_statements]
    assert len(supported) >= 8 and len(written) >= len(supported) - 3


def _run(text: str, interviewer: str) -> JTBDResult:
    return OfflineJTBDExtractor().extract_jtbd(parse_transcript(text, "story.txt", interviewer=[interviewer]))


def _quotes(items: list) -> str:
    return " | ".join(q.quote for item in items for q in item.evidence)


_DEADLINE_ZH = """小许：后来为什么想换？
老周：前年腊月那一批货出了事，有两箱糖果受潮结块了，超市直接整批退了回来。
老周：限期一个月整改。
小许：您现在最想要什么结果？
老周：我就想每一箱货出库前的湿度，我手机上随时能查到。
"""


def test_a_deadline_that_follows_the_event_is_part_of_the_trigger_not_an_outcome() -> None:
    result = _run(_DEADLINE_ZH, "小许")
    assert "限期一个月整改" not in _quotes(result.desired_outcomes)
    assert "湿度" in _quotes(result.desired_outcomes)


_NO_MOMENT_EN = """Ana: Was there a moment you decided to change?
Ben: Not really, honestly. There wasn't one big thing.
Ben: It just got busier every season, and I was doing the bookings at midnight.
Ana: What do you want from it?
Ben: I just want to know which kayaks are out without phoning the lads.
"""


def test_no_trigger_in_an_answer_that_says_there_was_no_one_moment() -> None:
    result = _run(_NO_MOMENT_EN, "Ana")
    assert result.triggers == []
    assert "which kayaks are out" in _quotes(result.desired_outcomes)


def test_a_want_said_as_what_they_are_after_and_a_result_after_a_condition_make_the_statement() -> None:
    statement = compose(
        ["Last June the harbour inspector came round and said our life jacket log was useless."], [],
        ["What I'm after is being able to show every jacket's last check in a minute.",
         "So that when the inspector comes back, I can just hand him the tablet."], "en")
    assert statement is not None
    assert "I want to show every jacket's last check in a minute" in statement.text
    assert statement.text.endswith("so I can just hand him the tablet.")


def test_a_statement_keeps_a_name_capitalised_and_reads_a_state_they_want_to_leave() -> None:
    statement = compose(["Priya was staying till eight most nights, doing the rota by hand."],
                        ["We wanted to see every boat on one screen."],
                        ["That and not having to ring round every morning."], "en")
    assert statement is not None
    assert statement.text.startswith("When Priya was staying till eight most nights")
    assert "so that I don't have to ring round every morning" in statement.text


def test_a_chinese_statement_drops_the_reminder_particle_and_the_want_marker() -> None:
    statement = compose(["那年不是出了新的消防规定嘛，我们的台账全不合格。"], [],
                        ["最好是每个仓库的检查记录我手机上都能看到。", "这样检查的人来了就不用临时翻本子了。"], "zh")
    assert statement is not None
    assert statement.text.startswith("当出了新的消防规定时，我想让每个仓库的检查记录")
    assert "嘛" not in statement.text and "最好是" not in statement.text
