"""filter_taxonomy.yaml holds together with the trees it widens: every node it names exists, its
cities claim no spelling another place has, and each has an English and a Chinese name."""

from __future__ import annotations

import pytest

from icp_coach.domain.taxonomy import TaxonomyKind
from icp_coach.engines.offline.extraction.lexicons import load_data
from icp_coach.engines.offline.extraction.taxonomy import load_entries, problems
from icp_coach.engines.offline.place_trade_taxonomy import Tree, tree


@pytest.mark.parametrize("kind", ["region", "industry"])
def test_every_node_the_groupings_name_is_in_the_tree(kind: TaxonomyKind) -> None:
    assert tree(kind).problems() == []


def test_a_misspelt_grouping_is_reported() -> None:
    entries = load_entries({"top": {"europe": ["欧洲"]}, "europe": {"france": ["法国"]}}, title_case=True)
    assert Tree(entries, {"europe": ["fance"]}, mentions=False).problems() == ["'fance' is not in the tree"]


def test_the_cities_claim_no_spelling_twice_and_have_chinese_names() -> None:
    places = load_entries(load_data("filter_taxonomy.yaml")["regions"]["places"], title_case=True)
    assert problems([*load_entries(load_data("regions.yaml"), title_case=True), *places]) == []
    assert all(place.zh for place in places), [p.key for p in places if not p.zh]


def test_a_grouping_widens_reading_without_changing_note_extraction() -> None:
    from icp_coach.engines.offline.extraction.gazetteer import regions

    assert "east china" in tree("region").wider("hangzhou")
    assert "east china" not in regions().ancestors("hangzhou")  # notes keep their one-parent tree
    assert regions().values("a client in Toronto") == []  # cities are for filters only
