"""The persona editor's text: YAML that round-trips, and problems reported at their line."""

from __future__ import annotations

import pytest

from icp_coach.domain.evidence import Evidence
from icp_coach.domain.persona import Persona, PersonaItem
from icp_coach.tui.persona_yaml import (
    PersonaTextError,
    parse_personas,
    personas_to_yaml,
    unverify_new_quotes,
)

PERSONAS = [
    Persona(role="champion", name="财务运营负责人", title="财务运营总监",
            pains=[PersonaItem(text="月底对账要一周", basis="observed",
                               evidence=[Evidence(quote="月底对账要一周", source="t1.txt",
                                                  line=4, verified=True)])]),
    Persona(role="economic_buyer", name="CFO Chris", objections=[
        PersonaItem(text="Another tool to pay for", answer="It replaces two spreadsheets")]),
]


def test_personas_round_trip_through_the_editor_text_in_chinese_and_english() -> None:
    text = personas_to_yaml(PERSONAS)
    assert "财务运营负责人" in text  # readable, not \\u escapes
    assert parse_personas(text) == PERSONAS
    assert parse_personas("") == [] and parse_personas("[]\n") == []


@pytest.mark.parametrize(("edit", "where"), [
    (("role: economic_buyer", "role: boss"), "[1].role"),
    (("- text: 月底对账要一周", "- text: ''"), "[0].pains[0].text"),
    (("name: CFO Chris", "nickname: CFO Chris"), "[1]"),
])
def test_a_bad_edit_names_the_line_and_the_field(edit: tuple[str, str], where: str) -> None:
    text = personas_to_yaml(PERSONAS)
    changed = text.replace(*edit)
    expected = next(n for n, row in enumerate(changed.splitlines(), start=1) if edit[1] in row)
    with pytest.raises(PersonaTextError) as caught:
        parse_personas(changed)
    assert caught.value.where.startswith(where)
    if where != "[1]":  # a missing field points at the persona that lacks it
        assert caught.value.line == expected


def test_broken_yaml_and_a_non_list_are_reported_with_a_line() -> None:
    with pytest.raises(PersonaTextError) as caught:
        parse_personas("- role: champion\n  name: [unclosed\n")
    assert caught.value.line >= 2
    with pytest.raises(PersonaTextError, match="list of personas"):
        parse_personas("role: champion\n")


def test_a_quote_changed_in_the_editor_is_no_longer_marked_verified() -> None:
    text = personas_to_yaml(PERSONAS).replace("quote: 月底对账要一周", "quote: 月底对账要两周")
    edited = unverify_new_quotes(parse_personas(text), PERSONAS)
    assert edited[0].pains[0].evidence[0].verified is False
    kept = unverify_new_quotes(parse_personas(personas_to_yaml(PERSONAS)), PERSONAS)
    assert kept == PERSONAS  # untouched quotes stay verified
