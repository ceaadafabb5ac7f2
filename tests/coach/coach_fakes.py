"""Fakes for the coach's ports: a rule-based extractor, a tiny knowledge base, a broken engine."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

from icp_coach.domain.icp import BuyingSignal, DecisionMaker, NumberRange, PainPoint, RedFlag
from icp_coach.domain.knowledge import Passage, SearchFilters
from icp_coach.domain.patch import ICPPatch
from icp_coach.domain.ports import EngineError, Extraction, ReplyRequest

INDUSTRIES = ("Fintech", "Logistics", "SaaS", "all industries", "金融科技", "物流")
TOOLS = ("Stripe", "Salesforce", "QuickBooks", "NetSuite")


class RuleExtractor:
    """Finds a few fixed words and `label: text` lines; enough to drive the coach's logic."""

    name = "fake"

    def __init__(self) -> None:
        self.calls = 0

    def extract_patch(self, text: str, *, step: int, draft: Any, language: str) -> Extraction:
        self.calls += 1
        lower = text.lower()
        patch = ICPPatch(
            industries=[word for word in INDUSTRIES if word.lower() in lower],
            tech_stack=[tool for tool in TOOLS if tool.lower() in lower])
        size = re.search(r"(\d[\d,]*)\s*(?:-|to)\s*(\d[\d,]*)\s*(?:employees|人)", text)
        if size:
            low, high = (float(g.replace(",", "")) for g in size.groups())
            patch.employees = NumberRange(min=low, max=high)
        for label, value in re.findall(r"(pain|signal|champion|buyer|red flag):\s*([^;\n]+)", text,
                                       re.IGNORECASE):
            label = label.lower()
            if label == "pain":
                patch.pain_points.append(PainPoint(description=value.strip()))
            elif label == "signal":
                patch.buying_signals.append(BuyingSignal(description=value.strip()))
            elif label == "red flag":
                patch.red_flags.append(RedFlag(description=value.strip()))
            else:
                role = "champion" if label == "champion" else "economic_buyer"
                patch.decision_makers.append(DecisionMaker(role=role, titles=[value.strip()]))
        return Extraction(patch=patch, engine=self.name)


class BrokenExtractor:
    name = "broken"

    def extract_patch(self, text: str, **_: Any) -> Extraction:
        raise EngineError("connection refused", endpoint="http://127.0.0.1:9/v1",
                          what_to_do="start the server or use --engine offline", retryable=True)


class BrokenReplyWriter:
    name = "broken"

    async def stream_reply(self, request: ReplyRequest) -> AsyncIterator[str]:
        yield "Half a"
        raise EngineError("rate limited (429)", what_to_do="wait a minute and retry")


SLACK = Passage(id="cases.en#1", doc_id="cases.en", title="Slack's early ICP", section="Early",
                text="Slack started with tech start-ups of 10-100 people. It widened later.",
                lang="en", kind="case")
METHOD = Passage(id="method.en#1", doc_id="method.en", title="Five steps", section="Step 1",
                 text="Rank customers by lifetime value. Then look for patterns.", lang="en")


class TinyKnowledge:
    def __init__(self) -> None:
        self.queries: list[str] = []

    def search(self, query: str, k: int = 5, filters: SearchFilters | None = None) -> list[Passage]:
        self.queries.append(query)
        return [SLACK, METHOD] if "slack" in query.lower() else [METHOD]




async def collect(events: AsyncIterator[Any]) -> list[Any]:
    return [event async for event in events]
