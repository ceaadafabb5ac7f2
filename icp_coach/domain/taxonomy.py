"""Places and trades as trees, seen from the domain: the port a scorer asks whether a prospect's
cell names a filter's value or something inside it ("Texas" within "North America", 杭州 within
华东, "Dental clinics" within "Healthcare"), in any language or spelling the taxonomy knows.

A cell the taxonomy cannot read keeps the exact comparison of `criteria.matches`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

TaxonomyKind = Literal["region", "industry"]

# The prospect fields whose cells name a place or a trade (canonical fields; header_mapping maps
# CRM headers such as "Sales region" or 所属行业 to them).
TAXONOMY_FIELDS: dict[str, TaxonomyKind] = {
    "region": "region", "country": "region", "state": "region", "province": "region", "city": "region",
    "industry": "industry", "sector": "industry", "vertical": "industry",
}


@dataclass(frozen=True)
class Reading:
    """One node a text may name: its key, a name to show, every node it lies within (not itself),
    whether the text names it surely (not only as the lesser sense of an ambiguous name, as
    "Georgia" for the country) and whether the whole text is its name (not "Austin, Texas")."""

    key: str
    name: str
    wider: frozenset[str]
    certain: bool = True
    whole: bool = True


class PlaceAndTradeTaxonomy(Protocol):
    def read(self, kind: TaxonomyKind, text: str) -> tuple[Reading, ...]:
        """Every node `text` may name, the surest first; () when the taxonomy does not know it."""
        ...


def taxonomy_kind(field: str) -> TaxonomyKind | None:
    return TAXONOMY_FIELDS.get(field.strip().lower())


Targets = list[tuple[str, tuple[Reading, ...]]]


def filter_targets(taxonomy: PlaceAndTradeTaxonomy, kind: TaxonomyKind, values: Iterable[object]) -> Targets:
    """Each text value of a filter with the nodes it means. An ambiguous value means the sense
    nearest the filter's other values ("Georgia" beside Armenia is the country, beside Florida
    the US state), else its sure sense (the state)."""
    read = [(str(v).strip(), taxonomy.read(kind, str(v))) for v in values if isinstance(v, str) and v.strip()]
    targets: Targets = []
    for index, (value, readings) in enumerate(read):
        others = [r for j, (_, rs) in enumerate(read) if j != index for r in rs]
        targets.append((value, _meant(readings, others)))
    return targets


def _meant(readings: tuple[Reading, ...], others: list[Reading]) -> tuple[Reading, ...]:
    if len(readings) < 2:
        return readings

    def nearness(reading: Reading) -> int:
        return sum(len(reading.wider & other.wider) + (other.key in reading.wider) for other in others)

    best = max(nearness(r) for r in readings)
    near = tuple(r for r in readings if nearness(r) == best)
    return tuple(r for r in near if r.certain) or near


def why_within(taxonomy: PlaceAndTradeTaxonomy, kind: TaxonomyKind, field: str, cell: str,
               targets: Targets, level: str | None = None) -> str | None:
    """Why `cell` passes a filter on `targets` (see `filter_targets`) by the taxonomy ("region
    Texas within North America", "region 德国 = Germany"), or None when no reading of the cell
    lies within a value. An ambiguous cell is read in the sense that fits the filter, and the
    reason says which."""
    cell = cell.strip()
    readings = prefer_level(taxonomy.read(kind, cell), level) if kind == "region" else taxonomy.read(kind, cell)
    if not readings:
        return None
    for reading in sorted(readings, key=lambda r: not r.certain):
        for value, nodes in targets:
            for node in nodes:
                if node.key != reading.key and node.key not in reading.wider:
                    continue
                relation = "=" if node.key == reading.key else "within"
                note = f" (read as {reading.name})" if len(readings) > 1 or not (reading.certain and reading.whole) else ""
                return f"{field} {cell} {relation} {value}{note}"
    return None


# countries the trees divide into states or provinces: a reading inside one is sub-national
_DIVIDED = frozenset({"united states", "canada", "china", "australia", "mexico", "brazil", "india", "germany",
                      "united kingdom", "japan"})
PLACE_LEVELS: dict[str, str] = {"country": "country", "state": "state", "province": "state", "city": "state"}


def prefer_level(readings: tuple[Reading, ...], level: str | None) -> tuple[Reading, ...]:
    """The readings that fit the column: in a country column 'DE' is Germany, in a state column
    Delaware. Readings of the other level are kept only when none fits."""
    if level not in ("country", "state") or len(readings) < 2:
        return readings
    # a code naming a place and a region holding it (CA: Canada, North America) is the place
    readings = tuple(r for r in readings if not any(r.key in other.wider for other in readings)) or readings
    inside = tuple(r for r in readings if r.wider & _DIVIDED)
    outside = tuple(r for r in readings if not r.wider & _DIVIDED)
    chosen = inside if level == "state" else outside
    return chosen or readings


def same_place_spellings(taxonomy: PlaceAndTradeTaxonomy, values: Iterable[str], level: str | None,
                         counts: dict[str, int] | None = None) -> dict[str, str]:
    """Spellings of one place in a column ('Germany', 'DE', 'Deutschland'; 浙江, 浙江省) -> the one
    spelling to use for all: the most frequent Chinese spelling when that is Chinese, else the
    place's English name lower-cased. Values the taxonomy does not read surely are left out."""
    groups: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for value in values:
        # a CRM lower-cased by a cleaner still holds codes: 'de' in a country column is DE
        spelled = value.upper() if len(value) <= 3 and value.isascii() and value.isalpha() else value
        readings = tuple(r for r in prefer_level(taxonomy.read("region", spelled), level) if r.certain and r.whole)
        if len(readings) != 1:
            continue
        groups.setdefault(readings[0].key, []).append(value)
        names[readings[0].key] = readings[0].name
    renamed: dict[str, str] = {}
    for key, spellings in groups.items():
        if len(spellings) < 2:
            continue
        top = max(spellings, key=lambda v: (counts or {}).get(v, 0))
        target = top if any("\u4e00" <= ch <= "\u9fff" for ch in top) else names[key].lower()
        renamed.update({v: target for v in spellings if v != target})
    return renamed
