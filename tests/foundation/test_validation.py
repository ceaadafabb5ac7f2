"""Every validation rule: what a coach would flag in a draft ICP."""

from __future__ import annotations

from typing import Any

from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.validation import completeness, validate_icp
from tests.foundation.helpers import full_icp


def codes(doc: ICPDocument, lang: str = "en") -> set[str]:
    return {finding.code for finding in validate_icp(doc, lang)}  # type: ignore[arg-type]


def firmo(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = full_icp().firmographics.model_dump()
    base.update(fields)
    return base


def test_a_complete_icp_has_no_errors_or_warnings() -> None:
    findings = validate_icp(full_icp())
    assert [f for f in findings if f.severity != "hint"] == []


def test_min_above_max_is_an_error() -> None:
    doc = full_icp(firmographics=firmo(employees={"min": 500, "max": 50}))
    findings = [f for f in validate_icp(doc) if f.code == "range_inverted"]
    assert findings and findings[0].severity == "error"
    assert findings[0].path == "firmographics.employees"


def test_zero_or_negative_bounds_make_no_sense() -> None:
    doc = full_icp(firmographics=firmo(employees={"min": 0, "max": 0}))
    assert "range_nonsense" in codes(doc)
    doc = full_icp(firmographics=firmo(annual_revenue_usd={"min": -5, "max": 100}))
    assert "range_nonsense" in codes(doc)


def test_under_fifty_written_as_zero_to_fifty_is_fine() -> None:
    doc = full_icp(firmographics=firmo(employees={"min": 0, "max": 50}))
    assert "range_nonsense" not in codes(doc)


def test_all_industries_is_too_broad_in_both_languages() -> None:
    assert "industries_all" in codes(full_icp(firmographics=firmo(industries=["All industries"])))
    zh = full_icp(firmographics=firmo(industries=["所有行业"]), language="zh")
    findings = [f for f in validate_icp(zh) if f.code == "industries_all"]
    assert findings and "所有行业" in findings[0].message


def test_employee_range_over_two_orders_of_magnitude_is_too_broad() -> None:
    assert "employees_too_wide" in codes(full_icp(firmographics=firmo(employees={"min": 10, "max": 10000})))
    assert "employees_too_wide" not in codes(full_icp(firmographics=firmo(employees={"min": 10, "max": 1000})))


def test_five_regions_is_too_broad() -> None:
    regions = ["north america", "europe", "apac", "latam", "middle east"]
    assert "too_many_regions" in codes(full_icp(firmographics=firmo(regions=regions)))
    assert "too_many_regions" not in codes(full_icp(firmographics=firmo(regions=regions[:4])))


def test_no_red_flags_is_a_warning() -> None:
    assert "no_red_flags" in codes(full_icp(red_flags=[]))


def test_very_narrow_ranges_get_a_hint() -> None:
    doc = full_icp(firmographics=firmo(industries=["saas"], employees={"min": 100, "max": 110}))
    found = {f.code: f.severity for f in validate_icp(doc)}
    assert found.get("employees_too_narrow") == "hint"
    assert found.get("too_narrow_industries") == "hint"


def test_missing_pain_points_and_decision_makers() -> None:
    assert "missing_pain_points" in codes(full_icp(pain_points=[]))
    assert "missing_decision_makers" in codes(full_icp(decision_makers=[]))
    only_champion = [{"role": "champion", "titles": ["Head of RevOps"]}]
    assert "missing_economic_buyer" in codes(full_icp(decision_makers=only_champion))


def test_filter_admitting_a_red_flag_contradicts() -> None:
    doc = full_icp(
        filters=[{"field": "business_model", "op": "in", "value": ["b2b", "b2c"]}],
        red_flags=[{"description": "Pure B2C consumer subscriptions"}],
    )
    findings = [f for f in validate_icp(doc) if f.code == "filter_contradicts_red_flag"]
    assert findings and findings[0].path == "filters[0]" and findings[0].severity == "error"


def test_filter_outside_the_profile_contradicts() -> None:
    doc = full_icp(filters=[{"field": "employees", "op": "between", "value": [1000, 5000]}])
    assert "filter_contradicts_firmographics" in codes(doc)
    doc = full_icp(filters=[{"field": "industry", "op": "in", "value": ["retail"]}])
    assert "filter_contradicts_firmographics" in codes(doc)


def test_scoring_only_draft_is_not_nagged_about_the_profile() -> None:
    doc = ICPDocument.model_validate({
        "name": "rules", "filters": [{"field": "region", "op": "eq", "value": "emea"}],
        "signals": [{"field": "hiring", "op": "eq", "value": True, "weight": 1}]})
    assert validate_icp(doc) == []


def test_findings_come_in_chinese_with_suggestions() -> None:
    findings = validate_icp(full_icp(pain_points=[]), "zh")
    pain = next(f for f in findings if f.code == "missing_pain_points")
    assert "痛点" in pain.message and pain.suggestion


def test_errors_come_first() -> None:
    doc = full_icp(firmographics=firmo(employees={"min": 500, "max": 50}), red_flags=[])
    severities = [f.severity for f in validate_icp(doc)]
    assert severities == sorted(severities, key=["error", "warning", "hint"].index)


def test_completeness_per_dimension_and_overall() -> None:
    empty = completeness(ICPDocument(name="x"))
    assert empty["overall"] == 0
    full = completeness(full_icp())
    assert full["firmographics"] == 1.0 and full["decision_makers"] == 1.0
    assert 0 < full["overall"] <= 1
    partial = completeness(full_icp(pain_points=[{"description": "one"}]))
    assert partial["pain_points"] < full["pain_points"]
