"""Which words can be an option at all: a shop, a works, a bank or a town named by its kind, a
relative, a time phrase or a clause with an adverb in it is never reported as an alternative, in
either language; and a status quo the customer only endured is not an option they weighed."""

from __future__ import annotations

from pathlib import Path

import pytest

from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
from icp_coach.engines.offline.jtbd.option_mentions import (
    business_or_place,
    english_names,
    zh_name_like,
)
from icp_coach.transcripts.loader import load_transcript


@pytest.mark.parametrize("words", ["五金店", "配套厂", "音乐学院", "保险公司", "水处理设备", "我弟弟", "小舅子",
                                   "一段时间", "另一类", "第二个", "去年刚换", "大概三个礼拜"])
def test_chinese_words_that_name_no_option(words: str) -> None:
    assert not zh_name_like(words)


@pytest.mark.parametrize("words", ["场馆通", "工单宝", "浪花约课", "医云排班"])
def test_chinese_product_names_stay_candidates(words: str) -> None:
    assert zh_name_like(words)


def test_english_businesses_and_places_are_not_candidates() -> None:
    text = "We buy feed from Tractor Supply, bank with First National Bank and deliver past Elm Street, then tried Barnly."
    names = {name for name, *_ in english_names(text)}
    assert "Barnly" in names
    assert not names & {"Tractor Supply", "First National Bank", "Elm Street"}
    assert business_or_place("Maple Run Farm") and not business_or_place("Barnly")


ENDURED_STATUS_QUO_ZH = """\
访谈人：以前是怎么记温度的？
老周：司机手写，每两个小时写一次，凑合着用了好几年，不换不行了。
访谈人：后来看过哪些？
老周：冷帮我们试过，装了三台车跑了一个月，太贵了。
访谈人：为什么最后选了温链通？
老周：决定用温链通，是因为超市扫码就能看温度曲线。
"""


def test_a_status_quo_only_endured_is_not_reported_as_weighed(tmp_path: Path) -> None:
    path = tmp_path / "cold_chain_zh.txt"
    path.write_text(ENDURED_STATUS_QUO_ZH, encoding="utf-8")
    transcript = load_transcript(path, interviewer=["访谈人"])
    result = OfflineJTBDExtractor(None).extract_jtbd(transcript)
    considered = {a.name for a in result.alternatives if a.considered}
    assert not any("维持现状" in name for name in considered)
