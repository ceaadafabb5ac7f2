"""The ICP document model: shapes, round trips, versions, patches and diffs."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from icp_coach.domain.diff import diff_icp
from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.patch import ICPPatch, apply_patch
from icp_coach.services.export import render_markdown
from icp_coach.storage.icp_files import InputFileError, icp_from_data
from tests.foundation.helpers import full_icp

words = st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=30).filter(
    lambda s: s.strip() != ""
)
bounds = st.one_of(st.none(), st.integers(min_value=0, max_value=10**9))


@st.composite
def icp_documents(draw: st.DrawFn) -> ICPDocument:
    return ICPDocument.model_validate({
        "name": draw(words),
        "language": draw(st.sampled_from(["en", "zh"])),
        "summary": draw(st.text(max_size=200)),
        "firmographics": {
            "industries": draw(st.lists(words, max_size=4)),
            "employees": {"min": draw(bounds), "max": draw(bounds)},
            "regions": draw(st.lists(words, max_size=6)),
        },
        "technographics": {"tech_stack": draw(st.lists(words, max_size=5))},
        "pain_points": [{"description": d} for d in draw(st.lists(words, max_size=3))],
        "red_flags": [{"description": d} for d in draw(st.lists(words, max_size=3))],
        "decision_makers": [{"role": r, "titles": draw(st.lists(words, max_size=2))}
                            for r in draw(st.lists(st.sampled_from(
                                ["champion", "economic_buyer", "user"]), unique=True))],
        "signals": [{"field": draw(words), "op": "contains", "value": draw(words),
                     "weight": draw(st.integers(1, 5))}
                    for _ in range(draw(st.integers(0, 3)))],
    })


@settings(max_examples=60, deadline=None)
@given(icp_documents())
def test_json_round_trip_is_lossless(doc: ICPDocument) -> None:
    again = ICPDocument.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert json.loads(again.model_dump_json()) == json.loads(doc.model_dump_json())


@settings(max_examples=60, deadline=None)
@given(icp_documents(), st.sampled_from(["en", "zh"]))
def test_markdown_export_never_fails(doc: ICPDocument, lang: str) -> None:
    text = render_markdown(doc, lang)  # type: ignore[arg-type]
    assert text.startswith("# ")
    assert doc.name.replace("\n", " ")[:5] in text.replace("\n", " ")


def test_a_document_with_only_name_filters_and_signals_is_valid() -> None:
    doc = ICPDocument.model_validate({
        "name": "rules", "filters": [{"field": "region", "op": "in", "value": ["emea"]}],
        "signals": [{"field": "hiring", "op": "eq", "value": True, "weight": 2}]})
    assert doc.signals[0].weight == 2


def test_unknown_schema_version_says_which_are_supported() -> None:
    with pytest.raises(InputFileError, match=r"schema_version 7 .*version\(s\) 1"):
        icp_from_data({"schema_version": 7, "name": "x"}, "icp.json")


def test_schema_violations_list_every_field_path() -> None:
    with pytest.raises(InputFileError) as error:
        icp_from_data({"name": "x", "firmographics": {"employees": {"min": "lots"}},
                       "decision_makers": [{"role": "ceo"}]}, "icp.json")
    message = str(error.value)
    assert "firmographics.employees.min" in message
    assert "decision_makers.0.role" in message
    assert "icp.json: 2 problem(s)" in message


def test_duplicate_decision_maker_roles_are_rejected() -> None:
    with pytest.raises(ValidationError, match="role twice: champion"):
        ICPDocument.model_validate({"name": "x", "decision_makers": [
            {"role": "champion"}, {"role": "champion"}]})


def test_patch_merges_lists_and_sets_ranges_without_erasing() -> None:
    doc = full_icp()
    patch = ICPPatch(industries=["SaaS", "fintech"], employees={"max": 400},  # type: ignore[arg-type]
                     decision_makers=[{"role": "champion", "titles": ["Controller"]}])  # type: ignore[list-item]
    updated, changed = apply_patch(doc, patch)
    assert updated.firmographics.industries == ["saas", "devtools", "fintech"]
    assert (updated.firmographics.employees.min, updated.firmographics.employees.max) == (50, 400)
    assert updated.decision_maker("champion").titles == ["Head of RevOps", "Controller"]  # type: ignore[union-attr]
    assert set(changed) == {"firmographics.industries", "firmographics.employees", "decision_makers"}
    assert doc.firmographics.employees.max == 300  # the original is untouched


def test_an_empty_patch_changes_nothing() -> None:
    doc = full_icp()
    updated, changed = apply_patch(doc, ICPPatch())
    assert updated == doc and changed == []


def test_diff_reports_field_level_changes() -> None:
    old = full_icp()
    new = full_icp(version="0.2", firmographics={**old.firmographics.model_dump(),
                                                 "industries": ["saas", "fintech"]})
    changes = {(c.path, c.kind): c for c in diff_icp(old, new)}
    assert changes[("version", "changed")].new == "0.2"
    assert changes[("firmographics.industries", "added")].new == ["fintech"]
    assert changes[("firmographics.industries", "removed")].old == ["devtools"]
    assert diff_icp(old, old) == []
