"""Alternatives on interviews written for these tests (trades the training corpus does not use):
a product nobody listed is found from how the customer talks about it, weighed options are told
from names said in passing, the chosen one and tools used alongside are not alternatives, and
both languages work."""

from __future__ import annotations

from pathlib import Path

import pytest

from icp_coach.domain.jtbd import JTBDResult
from icp_coach.engines.offline.jtbd.alternatives import CHOSEN_HEAD_FILE, HEAD_FILE, load_head
from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
from icp_coach.engines.offline.jtbd.option_features import FEATURE_NAMES
from icp_coach.services.jtbd import verify_result
from icp_coach.transcripts.loader import load_transcript

BIKE_SHOP = """\
Interviewer: How did you handle repair bookings before Spokewise?
Dana: Honestly, a paper diary on the counter, and people would just turn up with a flat.
Interviewer: When you went looking, what else did you look at?
Dana: We had a proper demo of Wheelhouse and they sent us a quote for both shops. We also ran a free trial of Crankbook for two weeks, with real bookings.
Dana: A supplier rep mentioned Gearloop once, but I never looked at it.
Interviewer: So why Spokewise in the end?
Dana: We switched to Spokewise because customers get a text when the bike is ready. We still do the accounts in Xero, Spokewise just sends the invoices over.
"""

TATTOO_STUDIO = """\
Interviewer: How were deposits taken before you changed anything?
Mo: By bank transfer, and I chased every one of them by text message.
Interviewer: Did you think about other ways to fix that?
Mo: We seriously thought about hiring a part-time receptionist, I even priced it out. Inkdesk we tried for a month too, the booking page was nice but the deposit rules were too basic.
Interviewer: Did you look at Squareline?
Mo: No, never looked at them.
Interviewer: And why did you go with Tattly?
Mo: Tattly takes the deposit when they book, no chasing.
"""

FLOWER_STUDIO_ZH = """\
访谈人：以前订单是怎么管的？
林姐：以前就是一个本子，手写订单，节日的时候经常漏单。
访谈人：后来看过哪些系统？
林姐：花掌柜我们认真看过，他们销售来店里做了演示，也报了价，最后是价格没谈拢。
林姐：花点点也试用了两个礼拜，功能还可以。
林姐：朋友提过一个叫花伴的，我没去了解。
访谈人：那为什么最后选了花语通？
林姐：决定用花语通，是因为它能直接对接美团外卖的订单。
"""


def _extract(tmp_path: Path, name: str, text: str, interviewer: str) -> JTBDResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    transcript = load_transcript(path, interviewer=[interviewer])
    return verify_result(OfflineJTBDExtractor(None).extract_jtbd(transcript), transcript)


def _names(result: JTBDResult, considered: bool) -> set[str]:
    return {a.name for a in result.alternatives if a.considered is considered}


def test_demoed_and_trialled_products_nobody_listed_are_considered(tmp_path: Path) -> None:
    result = _extract(tmp_path, "bike.txt", BIKE_SHOP, "Interviewer")
    considered = _names(result, True)
    assert {"Wheelhouse", "Crankbook"} <= considered
    assert "Gearloop" in _names(result, False)  # "mentioned once, never looked at it"


def test_the_chosen_one_and_a_tool_used_alongside_are_not_alternatives(tmp_path: Path) -> None:
    result = _extract(tmp_path, "bike.txt", BIKE_SHOP, "Interviewer")
    assert result.chosen_solution == "Spokewise"
    named = {a.name for a in result.alternatives}
    assert "Spokewise" not in named
    assert "Xero" not in _names(result, True)
    assert not named & {"Dana", "Interviewer"}


def test_every_alternative_quotes_the_customer(tmp_path: Path) -> None:
    result = _extract(tmp_path, "bike.txt", BIKE_SHOP, "Interviewer")
    for alternative in result.alternatives:
        assert alternative.evidence
        assert all(quote.speaker == "Dana" for quote in alternative.evidence)


def test_a_generic_option_and_an_interviewers_name_the_customer_dismissed(tmp_path: Path) -> None:
    result = _extract(tmp_path, "tattoo.txt", TATTOO_STUDIO, "Interviewer")
    considered = _names(result, True)
    assert any(name.startswith("hire someone") for name in considered)
    assert "Inkdesk" in considered
    assert "Squareline" not in considered  # asked about, and the answer was "never looked"
    assert result.chosen_solution == "Tattly"
    assert "Tattly" not in {a.name for a in result.alternatives}


def test_chinese_interview_weighed_versus_heard_of(tmp_path: Path) -> None:
    result = _extract(tmp_path, "flowers.txt", FLOWER_STUDIO_ZH, "访谈人")
    considered = _names(result, True)
    assert {"花掌柜", "花点点"} <= considered
    assert "花伴" not in considered
    assert result.chosen_solution == "花语通"
    assert "花语通" not in {a.name for a in result.alternatives}


@pytest.mark.parametrize("file_name", [HEAD_FILE, CHOSEN_HEAD_FILE])
def test_the_shipped_heads_were_trained_on_todays_features(file_name: str) -> None:
    """Changing a feature without running training/train_alternatives.py fails here, not at a
    user's first interview."""
    load_head.cache_clear()
    assert load_head(file_name).feature_names == FEATURE_NAMES
