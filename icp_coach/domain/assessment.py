"""Lincoln Murphy's seven criteria: score one account 1-5 on each, out of 35."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

CriterionName = Literal[
    "ready", "willing", "able", "successful", "profitable", "expansion_potential", "advocacy_potential"
]
CRITERIA: tuple[str, ...] = (
    "ready",
    "willing",
    "able",
    "successful",
    "profitable",
    "expansion_potential",
    "advocacy_potential",
)
MAX_TOTAL = 5 * len(CRITERIA)


class CriterionScore(BaseModel):
    model_config = ConfigDict(extra="forbid")

    criterion: CriterionName
    score: int = Field(ge=1, le=5)
    evidence: str = ""


class AccountAssessment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    account: str = Field(min_length=1)
    scores: list[CriterionScore]
    assessed_on: str | None = None

    @property
    def total(self) -> int:
        return sum(item.score for item in self.scores)

    @property
    def is_complete(self) -> bool:
        return {item.criterion for item in self.scores} == set(CRITERIA)

    def recommendation(self) -> Literal["pursue", "nurture", "disqualify"]:
        """>= 28 of 35 (80%) pursue; >= 21 nurture; else disqualify; any 1 is a red flag."""
        if any(item.score == 1 for item in self.scores):
            return "disqualify" if self.total < 28 else "nurture"
        if self.total >= 28:
            return "pursue"
        if self.total >= 21:
            return "nurture"
        return "disqualify"


# What each criterion asks, its red flags and its best state, in English and Chinese.
CRITERION_GUIDE: dict[str, dict[str, dict[str, Any]]] = {
    "ready": {
        "en": {"label": "Ready", "question": "Do they recognise the problem and need to act on it now?",
               "red_flags": ["no acknowledged problem", "no trigger event", "buying 'some day'"],
               "best": ["a clear, felt problem", "a recent trigger (funding, new leader, failed tool)"]},
        "zh": {"label": "准备就绪", "question": "他们是否意识到问题，并且现在就需要解决？",
               "red_flags": ["不承认有问题", "没有触发事件", "“以后再说”"],
               "best": ["问题清晰且痛感强", "近期有触发事件（融资、新负责人、旧工具失败）"]},
    },
    "willing": {
        "en": {"label": "Willing", "question": "Are they willing to change how they work and to pay for it?",
               "red_flags": ["attached to the status quo", "wants it free or custom"],
               "best": ["open to a new way of working", "budget owner engaged"]},
        "zh": {"label": "意愿", "question": "他们是否愿意改变做事方式并为此付费？",
               "red_flags": ["固守现状", "想要免费或完全定制"],
               "best": ["愿意尝试新方式", "预算负责人已参与"]},
    },
    "able": {
        "en": {"label": "Able", "question": "Can they buy and implement it (budget, authority, skills, tech)?",
               "red_flags": ["no budget", "no decision maker involved", "missing skills or systems"],
               "best": ["budget approved", "decision maker and implementer on board", "fits their stack"]},
        "zh": {"label": "能力", "question": "他们是否有能力购买并落地（预算、决策权、技能、技术）？",
               "red_flags": ["没有预算", "决策人未参与", "缺少技能或系统"],
               "best": ["预算已批准", "决策人和实施人都已到位", "与现有技术栈匹配"]},
    },
    "successful": {
        "en": {"label": "Successful", "question": "Will they reach their desired outcome with the product?",
               "red_flags": ["outcome the product cannot deliver", "no one to own adoption"],
               "best": ["use case we deliver well", "named owner for success", "clear success metric"]},
        "zh": {"label": "成功", "question": "他们能用产品达成想要的结果吗？",
               "red_flags": ["期望的结果产品做不到", "没有人负责落地使用"],
               "best": ["我们擅长的使用场景", "有明确的负责人", "有清晰的成功指标"]},
    },
    "profitable": {
        "en": {"label": "Profitable", "question": "Will the account be profitable to win and to serve?",
               "red_flags": ["heavy discounting", "high support load", "long, costly sales cycle"],
               "best": ["healthy contract value", "low cost to serve", "short sales cycle"]},
        "zh": {"label": "盈利", "question": "赢得并服务这个客户是否有利可图？",
               "red_flags": ["大幅折扣", "支持负担重", "销售周期长且成本高"],
               "best": ["合同金额健康", "服务成本低", "销售周期短"]},
    },
    "expansion_potential": {
        "en": {"label": "Expansion potential", "question": "Can the account grow (more seats, teams, products)?",
               "red_flags": ["one small team, nowhere to grow", "shrinking company"],
               "best": ["other teams with the same job", "growing headcount", "add-on products fit"]},
        "zh": {"label": "扩展潜力", "question": "这个客户能否扩展（更多席位、团队、产品）？",
               "red_flags": ["只有一个小团队，没有扩展空间", "公司在收缩"],
               "best": ["其他团队有同样的需求", "人员在增长", "适合增购其他产品"]},
    },
    "advocacy_potential": {
        "en": {"label": "Advocacy potential", "question": "Will they refer others, give a case study or a review?",
               "red_flags": ["policy forbids references", "low satisfaction signals"],
               "best": ["well-connected champion", "happy to speak publicly", "already referred someone"]},
        "zh": {"label": "推荐潜力", "question": "他们会推荐别人、提供案例或评价吗？",
               "red_flags": ["公司政策禁止做推荐", "满意度信号低"],
               "best": ["人脉广的内部支持者", "愿意公开发声", "已经推荐过别人"]},
    },
}

RECOMMENDATION_TEXT: dict[str, dict[str, str]] = {
    "pursue": {"en": "pursue: a strong fit on all seven criteria", "zh": "重点跟进：七项标准整体高度匹配"},
    "nurture": {"en": "nurture: promising, but close the gaps first", "zh": "培育：有潜力，但需先补足短板"},
    "disqualify": {"en": "disqualify: too far from the ideal customer", "zh": "放弃：与理想客户差距太大"},
}


def render_assessment(assessment: AccountAssessment, lang: str = "en") -> str:
    """A short Markdown card: each criterion with its score, the total and the recommendation."""
    language = "zh" if lang == "zh" else "en"
    lines = [f"# {assessment.account}", ""]
    for item in assessment.scores:
        guide = CRITERION_GUIDE[item.criterion][language]
        flag = " ⚠" if item.score == 1 else ""
        note = f" ({item.evidence})" if item.evidence else ""
        lines.append(f"- {guide['label']}: {item.score}/5{flag}{note}")
        if item.score <= 2:  # the rubric's typical red flags, to check: not findings about the account
            check = "低分时常见的红旗，请核实" if language == "zh" else "typical red flags to check for a low score"
            lines.append(f"  - {check}: {'; '.join(guide['red_flags'])}")
    recommendation = assessment.recommendation()
    total = "总分" if language == "zh" else "Total"
    lines += ["", f"**{total}: {assessment.total}/{MAX_TOTAL}**", "",
              RECOMMENDATION_TEXT[recommendation][language]]
    return "\n".join(lines) + "\n"
