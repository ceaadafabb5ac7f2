"""Decision makers by buying role, titles in the note's own words."""

from __future__ import annotations

from icp_coach.engines.offline.extraction.titles import find_titles, titles_by_role


def test_english_roles_and_titles() -> None:
    roles = titles_by_role([
        "Champion = Head of Clinical Operations or Director of Nursing. Sometimes the Controller.",
        "Final sign off = CFO / VP Finance. The CTO does the security review but "
        "doesn't own budget.",
    ])
    assert roles == {"champion": ["Head of Clinical Operations", "Director of Nursing", "Controller"],
                     "economic_buyer": ["CFO", "VP Finance"], "technical_buyer": ["CTO"]}


def test_chinese_roles_and_titles() -> None:
    roles = titles_by_role(["一般由质量部经理、仓储主管推动，有的公司是数字化负责人/IT经理牵头。",
                            "最后拍板：总经理或者老板，集团里是董事长。"])
    assert roles == {"champion": ["质量部经理", "仓储主管", "数字化负责人", "IT经理"],
                     "economic_buyer": ["总经理", "老板", "董事长"]}


def test_each_title_takes_the_nearest_cue() -> None:
    roles = titles_by_role(["usually the plant manager pushes it and the owner signs off"])
    assert roles == {"champion": ["plant manager"], "economic_buyer": ["owner"]}


def test_a_cue_inside_a_title_does_not_decide_the_role() -> None:
    roles = titles_by_role(["the Head of Cloud Security or a Security Architect champions it. "
                            "The CISO owns the budget."])
    assert roles == {"champion": ["Head of Cloud Security", "Security Architect"],
                     "economic_buyer": ["CISO"]}


def test_titles_in_lowercase_chat_and_capitalised_functions() -> None:
    titles = [t for _, _, t in find_titles("champion is the Director of Staffing or a Scheduling "
                                           "Manager, sometimes head of revops")]
    assert titles == ["Director of Staffing", "Scheduling Manager", "head of revops"]


def test_chinese_generic_heads_need_a_real_prefix() -> None:
    titles = [t for _, _, t in find_titles("一般是运营总监或者督导经理先找我们，有的厂有负责人")]
    assert titles == ["运营总监", "督导经理"]
