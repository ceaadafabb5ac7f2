"""An ICP and interview results to draft personas from."""

from __future__ import annotations

from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.jtbd import JTBDResult

TRANSCRIPT = "interviews/maya.txt"


def billing_icp(**overrides: object) -> ICPDocument:
    data: dict[str, object] = {
        "name": "Tally Billing",
        "firmographics": {"industries": ["saas"], "employees": {"min": 50, "max": 300}},
        "technographics": {"tech_stack": ["stripe", "netsuite"], "integrations": ["salesforce"]},
        "pain_points": [
            {"description": "Manual invoicing in a 40-tab spreadsheet takes days every month"},
            {"description": "Revenue leakage from overages nobody bills"},
            {"description": "Every pricing change needs an engineering sprint"},
        ],
        "buying_signals": [{"description": "Hiring a RevOps lead"},
                           {"description": "Raised a Series B or C"}],
        "decision_makers": [
            {"role": "champion", "titles": ["Head of RevOps", "Director of Finance Operations"]},
            {"role": "economic_buyer", "titles": ["CFO", "VP Finance"]},
            {"role": "technical_buyer", "titles": ["CTO"]},
        ],
        "red_flags": [{"description": "Homegrown billing system maintained by 5+ engineers"}],
    }
    data.update(overrides)
    return ICPDocument.model_validate(data)


def quote(text: str, line: int, speaker: str = "Maya (VP Sales)") -> dict[str, object]:
    return {"quote": text, "source": TRANSCRIPT, "line": line, "speaker": speaker}


def interview() -> JTBDResult:
    return JTBDResult.model_validate({
        "source": TRANSCRIPT,
        "forces": {
            "push": [{"text": "Pipeline review took hours", "verified": True, "evidence": [
                quote("the Monday meeting was ninety minutes, sometimes two hours", 12)]},
                     {"text": "Reps hate double entry", "verified": True, "evidence": [
                quote("Reps hate double entry.", 20)]}],
            "pull": [{"text": "Forecast gap visible", "verified": True, "evidence": [
                quote("the gap between them", 30)]}],
            "anxiety": [{"text": "Fear of a long migration", "verified": True, "evidence": [
                quote("I was scared we'd lose a quarter to the migration", 41)]}],
            "habit": [],
        },
        "desired_outcomes": [{"text": "Trust the forecast", "verified": True, "evidence": [
            quote("I want to walk in and trust the number", 50)]}],
        "job_statements": [{"text": "When the quarter closes, I want to trust the pipeline, so I can commit a number",
                            "verified": True, "evidence": [quote("trust the number", 50)]}],
    })
