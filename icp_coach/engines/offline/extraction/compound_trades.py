"""One trade per Chinese compound: "水务设备经销商" is a water-equipment distributor, not the
water utilities and wholesale trades its parts name; "殡葬用品批发商" is one trade too.

When two or more gazetteer trades sit in one run of Chinese characters, a few characters apart
at most and with no separator between them (和、及、与、或、的、，), the run is reported in the note's
own words. A lone mention keeps its canonical entry.
"""

from __future__ import annotations

import re

from icp_coach.engines.offline.extraction.gazetteer import Gazetteer, Mention

_CJK_RUN = re.compile(r"[\u3400-\u9fff]{0,4}")
_SEPARATOR = re.compile(r"[和及与或跟、兼的等类]")
_MOST_BETWEEN = 4


def _joins(text: str, left: Mention, right: Mention) -> bool:
    between = text[left.end:right.start]
    return (_is_cjk(text[left.end - 1]) and _is_cjk(text[right.start])
            and len(between) <= _MOST_BETWEEN and bool(_CJK_RUN.fullmatch(between))
            and not _SEPARATOR.search(between) and left.canonical != right.canonical)


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def trade_keys(text: str, table: Gazetteer) -> list[str]:
    """Trade keys a clause names, first mention order, each once: canonical entries, or the
    note's own words for a compound of several."""
    mentions = table.find(text)
    keys: list[str] = []
    run: list[Mention] = []
    for mention in [*mentions, None]:
        if mention is not None and run and _joins(text, run[-1], mention):
            run.append(mention)
            continue
        if run:
            keys.append(text[run[0].start:run[-1].end] if len(run) > 1 else run[0].canonical)
        run = [mention] if mention is not None else []
    return list(dict.fromkeys(keys))
