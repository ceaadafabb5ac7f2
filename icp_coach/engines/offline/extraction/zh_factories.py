"""Chinese factories named by what they make: "羽毛球拍厂", "灯笼工厂", "竹筷生产企业".

In Chinese a factory is named by its product and a head noun (厂, 工厂, 厂家, 生产企业, 作坊). When the
gazetteer knows the product ("纸箱厂": corrugated packaging) its entry names the trade; when it knows
only the head (工厂: manufacturing in general), the factory in the note's words ("羽毛球拍厂") is the
trade. Qualifiers (中小型, 本地) and the words before (是, 的, 和) are not part
of the name; "厂长" is a title, "大厂" a big company.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADS = r"(?:生产企业|制造企业|生产厂家|加工厂|代工厂|生产厂|厂家|工厂|作坊|厂)"
_FACTORY = re.compile(r"([\u4e00-\u9fff]{2,10}?)" + _HEADS + r"(?![长房区商])")
_HEAD = re.compile(_HEADS + "$")
# Where the product's name starts: after the last of these.
_BOUNDARY = re.compile(r".*(?:是|的|和|及|与|跟|或|做|为|给|像|比如|例如|包括|还有|以及|主要|就是|都是|这些|那些|一些|等|算上|加上"
                       r"|其中|含|在|有|把|被|让|对|向|从|到|也|都|还|就|才|了|着|过|上|下|里|中|这|那|每|各|该|其"
                       r"|中小型|中小|大中型|大型|小型|中型|本地|当地|民营|私营|国营|国有|外资|合资|规模以上|个体|城里|县城"
                       r"|乡镇|连锁|独立|传统)")
_NOT_PRODUCT = re.compile(r"^(?:加工|代工|生产|制造|制造业|工业|企业|工|我们|他们|客户|目标|这家|那家|哪些|什么)$")


@dataclass(frozen=True)
class Factory:
    name: str  # the product and its head noun, as written ("羽毛球拍厂")
    start: int  # where the product's name starts
    end: int  # where the head noun ends

    @property
    def product_end(self) -> int:
        return self.end - len(_HEAD.search(self.name).group())  # type: ignore[union-attr]


def factories(text: str) -> list[Factory]:
    """Factories the text names by their product, in text order."""
    found = []
    for match in _FACTORY.finditer(text):
        run = match.group(1)
        cut = _BOUNDARY.match(run)
        product = run[cut.end():] if cut else run
        if len(product) < 2 or _NOT_PRODUCT.match(product):
            continue
        start = match.start(1) + (len(run) - len(product))
        found.append(Factory(text[start:match.end()], start, match.end()))
    return found
