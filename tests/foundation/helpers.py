"""Small builders for ICP documents used across the foundation tests."""

from __future__ import annotations

from typing import Any

from icp_coach.domain.icp import ICPDocument


def full_icp(**overrides: Any) -> ICPDocument:
    data: dict[str, Any] = {
        "name": "Tally Billing",
        "summary": "B2B SaaS companies moving to usage-based pricing.",
        "firmographics": {
            "industries": ["saas", "devtools"],
            "employees": {"min": 50, "max": 300},
            "annual_revenue_usd": {"min": 5_000_000, "max": 40_000_000},
            "regions": ["north america", "europe"],
            "growth_stages": ["series b"],
        },
        "technographics": {"tech_stack": ["stripe", "netsuite"], "integrations": ["salesforce"]},
        "psychographics": {"values": ["data-driven"], "priorities": ["revenue accuracy"],
                           "risk_appetite": "moderate"},
        "pain_points": [
            {"description": "Manual invoicing takes days", "urgency": "high",
             "evidence": [{"quote": "a 40-tab spreadsheet", "source": "notes.md", "line": 12}]},
            {"description": "Revenue leakage"},
            {"description": "Pricing changes need engineering"},
        ],
        "buying_signals": [{"description": "Hiring a RevOps lead"},
                           {"description": "Raised a Series B"},
                           {"description": "Announced usage-based pricing"}],
        "decision_makers": [{"role": "champion", "titles": ["Head of RevOps"]},
                            {"role": "economic_buyer", "titles": ["CFO"]}],
        "red_flags": [{"description": "Homegrown billing system with 5+ engineers"}],
        "filters": [{"field": "industry", "op": "in", "value": ["saas", "devtools"]},
                    {"field": "employees", "op": "between", "value": [50, 300]}],
        "signals": [{"field": "recently_raised", "op": "eq", "value": True, "weight": 3},
                    {"field": "tech_stack", "op": "contains", "value": "stripe", "weight": 1}],
    }
    data.update(overrides)
    return ICPDocument.model_validate(data)
