"""Keyword ranking (English words, Chinese bigrams) and rank fusion."""

from __future__ import annotations

from icp_coach.kb.fusion import reciprocal_rank_fusion
from icp_coach.kb.keyword_index import KeywordIndex, tokenize


def test_chinese_is_cut_into_character_bigrams_and_english_into_words() -> None:
    assert tokenize("理想客户") == ["理想", "想客", "客户"]
    assert tokenize("The Customers of ICP") == ["customer", "icp"]
    assert tokenize("用 ICP 打分") == ["用", "icp", "打分"]


def test_bm25_ranks_the_passage_sharing_rare_words_first() -> None:
    index = KeywordIndex([
        "Slack sold to small engineering teams first.",
        "Stripe sold to developers, later to the CFO.",
        "转介绍比例达到三成说明产品契合。",
        "客户的行业和员工人数。",
    ])
    assert max(index.scores("CFO developers").items(), key=lambda p: p[1])[0] == 1
    chinese = index.scores("转介绍的比例是多少")
    assert max(chinese.items(), key=lambda p: p[1])[0] == 2
    assert 3 not in chinese or chinese[3] < chinese[2]
    assert index.scores("nothing matches here") == {}


def test_rank_fusion_rewards_agreement_between_rankings() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "d", "a"]])
    assert [item for item, _ in fused][:2] == ["b", "a"]
    assert fused[0][1] <= 1.0


def test_rank_fusion_weights_change_the_winner() -> None:
    fused = reciprocal_rank_fusion([["a", "b"], ["b", "a"]], weights=[1.0, 0.5])
    assert fused[0][0] == "a"
    assert reciprocal_rank_fusion([["x"], ["x"]])[0] == ("x", 1.0)
