"""The gazetteer data files hold together: every parent exists, no loops, no spelling claimed
by two entries, no section written twice (YAML would silently keep only the last one)."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from icp_coach.engines.offline.extraction import gazetteer
from icp_coach.engines.offline.extraction.taxonomy import load_entries, problems


class _StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses a mapping key written twice."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    keys = [loader.construct_object(key, deep=deep) for key, _ in node.value]
    repeated = sorted({str(k) for k in keys if keys.count(k) > 1})
    if repeated:
        raise ValueError(f"written twice: {repeated}")
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@pytest.mark.parametrize(("name", "title_case"), [("regions.yaml", True), ("industries.yaml", False)])
def test_a_table_holds_together(name: str, title_case: bool) -> None:
    text = resources.files("icp_coach.engines.offline").joinpath("data", name).read_text("utf-8")
    data = yaml.load(text, _StrictLoader)  # noqa: S506 - a SafeLoader subclass
    entries = load_entries(data, title_case=title_case)
    assert problems(entries) == []
    assert all(entry.zh for entry in entries), [e.key for e in entries if not e.zh]


def test_the_problems_check_finds_a_broken_table() -> None:
    data = {"top": {"europe": ["欧洲"]}, "europe": {"france": ["法国"], "gaul": ["法国"]},
            "atlantis": {"poseidonia": ["亚特兰蒂斯"]}}
    found = problems(load_entries(data, title_case=True))
    assert any("法国" in p for p in found)
    assert any("unknown parent 'atlantis'" in p for p in found)


def test_the_tables_are_grown_from_reference_lists_not_a_handful() -> None:
    regions, industries = gazetteer.regions(), gazetteer.industries()
    countries = [k for k in ("germany", "brazil", "kenya", "japan", "canada")
                 if regions.macro(k) != k]
    assert len(countries) == 5
    us_states = [k for k in ("alabama", "wyoming", "ohio", "vermont") if regions.parent_of(k) == "united states"]
    assert len(us_states) == 4
    provinces = [k for k in ("jiangsu", "xinjiang", "hainan") if regions.parent_of(k) == "china"]
    assert len(provinces) == 3
    sectors = {industries.macro(k) for k in ("hvac", "law firms", "cpa firms", "bakeries")}
    assert sectors == {"field services", "legal", "accounting", "food and beverage"}
