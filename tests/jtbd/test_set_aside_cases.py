"""A feature granted and waved off in one sentence ("The reports are nice I guess but honestly
that's not why we moved", "报表功能有是有，不过我们基本不看"), or liked by someone else ("My partner
loves the dashboard, I never open it", "我老婆挺喜欢那个数据看板的，我自己从来不打开"), is something
the customer did not value: never a pull or a push. Twelve short interviews written for this test
(tests/jtbd/distractor_cases/, 24 such sentences in context, beside real pulls said the same way),
read the way the holdout scorer reads them (training/score_jtbd_holdout.py)."""

from __future__ import annotations

import importlib.util
import re
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import pytest

from icp_coach.domain.jtbd import FORCES
from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
from icp_coach.engines.offline.jtbd.set_aside import sets_aside
from icp_coach.transcripts.loader import parse_transcript

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).resolve().parent / "distractor_cases"


@lru_cache(maxsize=1)
def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_jtbd_holdout", ROOT / "training" / "score_jtbd_holdout.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@lru_cache(maxsize=1)
def _reported() -> list[tuple[str, str, list[str]]]:
    """(gold tag, sentence, forces it was reported under) for every customer sentence."""
    scorer = _scorer()
    extractor = OfflineJTBDExtractor()
    rows = []
    for interview in scorer.read_holdout(CASES):
        transcript = parse_transcript(scorer.render(interview), f"{interview.trade}.txt",
                                      interviewer=[scorer.INTERVIEWER[interview.language]])
        result = extractor.extract_jtbd(transcript)
        for tag, text in interview.gold:
            forces = [force for force in FORCES if scorer.matched(
                [text], [q.quote for item in getattr(result.forces, force) for q in item.evidence], transcript)[0]]
            rows.append((tag, text, forces))
    return rows


def test_no_feature_set_aside_in_the_same_sentence_becomes_a_force() -> None:
    set_aside = [(text, forces) for tag, text, forces in _reported() if tag == "not_valued"]
    assert len(set_aside) >= 20
    assert [(text, forces) for text, forces in set_aside if forces] == []


def test_the_pulls_and_pushes_beside_them_are_still_found() -> None:
    wanted = [(tag, forces) for tag, _, forces in _reported() if tag in ("pull", "push")]
    assert sum(tag in forces for tag, forces in wanted) >= 0.8 * len(wanted)


@pytest.mark.parametrize(("text", "language"), [
    ("The reports are nice and honestly that's a big part of why we moved.", "en"),
    ("My wife found it and I love the dashboard.", "en"),
    ("We bought a scheduling tool last year but the guys never really used it.", "en"),
    ("My boss loves spreadsheets, and I spend every Friday fixing his.", "en"),
    ("Our clients love the online booking, I never look at the phone now.", "en"),
    ("The app is great but I never look at the old spreadsheet now.", "en"),
    ("客户都很喜欢在手机上下单，我们再也不用接电话了。", "zh"),
    ("报表功能很实用，说实话我们就是冲着这个换的。", "zh"),
    ("我老婆先发现的，我自己也很喜欢那个看板。", "zh"),
    ("以前那个系统也有，但是师傅们根本不用。", "zh"),
])
def test_praise_kept_or_the_old_way_failing_is_not_set_aside(text: str, language: str) -> None:
    assert not sets_aside(text, language)


def test_every_case_sentence_is_tagged_the_way_the_rule_reads_it() -> None:
    for path in [*CASES.glob("cases_*.txt"), *CASES.glob("fresh/cases_*.txt")]:
        language = "zh" if path.stem.endswith("zh") else "en"
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := re.match(r"C (not_valued|pull|push): (.+)$", line.strip()):
                assert sets_aside(match.group(2), language) == (match.group(1) == "not_valued"), line
