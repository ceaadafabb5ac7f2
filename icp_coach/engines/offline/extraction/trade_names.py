"""The short name a person writes for a trade the note describes by what its companies do.

"operators of private marinas" is written "private marinas", "people who run small hot-yoga
studios" is "hot-yoga studios", "开民宿的老板" is "民宿" and "做冷链配送的公司" is "冷链配送": the
words about who runs the business, and the size words, are not part of the trade's name.
"""

from __future__ import annotations

import re

_EN_RUNNER = re.compile(
    r"^(?:the\s+)?(?:(?:operators?|owners?|owner-operators?|runners?)\s+of"
    r"|(?:people|folks|those|owners?|companies|businesses|firms|outfits)\s+(?:who|that)\s+"
    r"(?:run|runs|own|owns|operate|operates))\s+(?:the\s+)?",
    re.IGNORECASE)
_EN_SIZE = re.compile(r"^(?:small|smaller|tiny|mid-sized|midsize|mid-size|large|larger|big)\s+",
                      re.IGNORECASE)
_ZH_RUNNER = re.compile(r"^(?:做|开|经营|搞|干)(?=[\u3400-\u9fff]{2})")
_ZH_OWNER = re.compile(r"(?<=[\u3400-\u9fff]{2})的(?:老板|老板们|店主|公司|企业|店|门店|商家|厂|工厂)$")


def short_trade_name(name: str) -> str:
    """The trade's short name, or the name itself when it has nothing to drop."""
    shortened = _EN_RUNNER.sub("", name, count=1)
    shortened = _EN_SIZE.sub("", shortened, count=1)
    if _ZH_OWNER.search(shortened):
        shortened = _ZH_RUNNER.sub("", _ZH_OWNER.sub("", shortened))
    shortened = shortened.strip()
    return shortened if len(shortened) >= 2 and shortened != name else name
