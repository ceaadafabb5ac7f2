"""The criteria evaluator: every op, the normalisation rules, empty cells."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from icp_coach.domain.cells import normalise_cell, parse_bool, split_list
from icp_coach.domain.criteria import Filter, Signal, matches


def rule(field: str, op: str, value: object) -> Filter:
    return Filter(field=field, op=op, value=value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(" SaaS ", "saas"), ("1,200", 1200.0), ("42", 42.0), ("TRUE", True), ("no", False),
     ("", None), ("  ", None), ("n/a", None), (None, None), (7, 7.0), ("12.5", 12.5)],
)
def test_cells_are_normalised(raw: object, expected: object) -> None:
    assert normalise_cell(raw) == expected


def test_booleans_in_any_common_spelling() -> None:
    assert [parse_bool(v) for v in ("Yes", "y", "1", "是", "false", "N", "否", "maybe")] == [
        True, True, True, True, False, False, False, None]


def test_semicolon_lists_split_and_lower() -> None:
    assert split_list("Slack; SALESFORCE|aws；Jira") == ["slack", "salesforce", "aws", "jira"]


def test_eq_is_case_and_space_insensitive() -> None:
    assert matches(rule("industry", "eq", "SaaS"), {"industry": "  saas "})
    assert not matches(rule("industry", "eq", "saas"), {"industry": "fintech"})


def test_eq_on_booleans_accepts_true_yes_and_one() -> None:
    signal = Signal(field="recently_raised", op="eq", value=True, weight=3)
    assert matches(signal, {"recently_raised": "TRUE"})
    assert matches(signal, {"recently_raised": "yes"})
    assert matches(signal, {"recently_raised": "1"})
    assert not matches(signal, {"recently_raised": "false"})


def test_in_matches_any_listed_value() -> None:
    region = rule("region", "in", ["North America", "emea"])
    assert matches(region, {"region": "EMEA"})
    assert not matches(region, {"region": "apac"})


def test_between_is_inclusive_and_reads_thousands() -> None:
    size = rule("employees", "between", [50, 500])
    assert matches(size, {"employees": "50"})
    assert matches(size, {"employees": "500"})
    assert matches(size, {"employees": " 1,20 "}) is False  # not a number: fails
    assert not matches(size, {"employees": "501"})
    assert matches(rule("revenue", "between", [1000, 2000]), {"revenue": "1,500"})


def test_gte_and_lte() -> None:
    assert matches(rule("nps", "gte", 9), {"nps": "9"})
    assert not matches(rule("nps", "gte", 9), {"nps": "8.5"})
    assert matches(rule("cycle", "lte", 30), {"cycle": 30})
    assert not matches(rule("cycle", "lte", 30), {"cycle": "31"})


def test_numeric_ops_never_match_text() -> None:
    assert not matches(rule("employees", "gte", 10), {"employees": "lots"})


def test_contains_is_case_insensitive_on_semicolon_lists() -> None:
    stack = rule("tech_stack", "contains", "Salesforce")
    assert matches(stack, {"tech_stack": "slack; SALESFORCE; aws"})
    assert not matches(stack, {"tech_stack": "hubspot;aws"})


@pytest.mark.parametrize("op,value", [("eq", "x"), ("in", ["x"]), ("between", [1, 2]),
                                      ("gte", 1), ("lte", 1), ("contains", "x")])
def test_an_empty_or_missing_cell_fails_every_op(op: str, value: object) -> None:
    criterion = rule("field", op, value)
    assert not matches(criterion, {"field": ""})
    assert not matches(criterion, {"field": "   "})
    assert not matches(criterion, {})


@pytest.mark.parametrize("op,value", [("between", [5, 1]), ("between", [1]), ("in", []),
                                      ("gte", "ten"), ("contains", "")])
def test_a_rule_with_a_value_of_the_wrong_shape_is_rejected(op: str, value: object) -> None:
    with pytest.raises(ValidationError):
        rule("employees", op, value)


def test_unknown_op_is_rejected() -> None:
    with pytest.raises(ValidationError):
        Filter.model_validate({"field": "x", "op": "like", "value": "a"})


def test_signal_weight_must_be_positive() -> None:
    with pytest.raises(ValidationError):
        Signal(field="x", op="eq", value=True, weight=0)
