"""Answers read as edits: "remove X", "not X but Y", "actually ...", "去掉X", "把X改成Y", "其实是...",
and the exact commands `/set FIELD VALUE` and `/remove FIELD [VALUE]`.

An answer's patch adds; an edit changes or deletes what a field already holds. `read_edit` finds
the edit cues in an answer, `apply_answer_edit` applies the patch as the edit says (removing the
named values, replacing what a correction restates) and says what changed, one line per field.
Nothing here knows a particular answer: the cues are the general words for taking back or
correcting, in English and Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from icp_coach.domain.icp import (
    BuyingSignal,
    DecisionMaker,
    ICPDocument,
    NumberRange,
    PainPoint,
    RedFlag,
)
from icp_coach.domain.patch import ICPPatch, apply_patch

# field -> (where it lives, words that name it in either language)
LIST_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "industries": ("firmographics", ("industries", "industry", "verticals", "vertical", "sectors",
                                     "sector", "行业", "领域")),
    "regions": ("firmographics", ("regions", "region", "geographies", "geography", "markets",
                                  "地区", "区域", "市场", "地域")),
    "growth_stages": ("firmographics", ("growth stages", "growth stage", "stages", "stage",
                                        "发展阶段", "阶段")),
    "business_models": ("firmographics", ("business models", "business model", "商业模式")),
    "tech_stack": ("technographics", ("tech stack", "tech", "tools", "stack", "software",
                                      "技术栈", "工具", "软件", "系统")),
    "integrations": ("technographics", ("integrations", "integration", "集成", "对接")),
    "compliance": ("technographics", ("compliance", "certifications", "合规", "认证")),
    "values": ("psychographics", ("values", "psychographics", "culture", "价值观", "文化")),
}
RANGE_FIELDS: dict[str, tuple[str, ...]] = {
    "employees": ("employees", "employee count", "headcount", "company size", "size", "员工人数",
                  "员工数", "员工", "人数", "规模"),
    "annual_revenue_usd": ("annual revenue", "revenue", "turnover", "年收入", "营收", "收入"),
}
ITEM_FIELDS: dict[str, tuple[str, ...]] = {
    "pain_points": ("pain points", "pain point", "pains", "pain", "problems", "痛点", "问题"),
    "buying_signals": ("buying signals", "buying signal", "signals", "signal", "triggers",
                       "trigger", "购买信号", "信号", "触发"),
    "red_flags": ("red flags", "red flag", "红旗", "危险信号"),
}
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "champion": ("champion", "champions", "推动者", "支持者"),
    "economic_buyer": ("economic buyer", "buyer", "budget holder", "决策者", "预算审批人", "买单人"),
    "technical_buyer": ("technical buyer", "技术决策者"),
    "user": ("user", "users", "使用者", "用户"),
    "blocker": ("blocker", "blockers", "阻碍者"),
}
FIELD_NAMES = (*LIST_FIELDS, *RANGE_FIELDS, *ITEM_FIELDS, *ROLE_WORDS)

_QUOTES = "\"'“”‘’「」『』《》"
_END = r"(?=[.;!?。；！？\n]|,\s*(?:and|but)\b|，|$)"
_REMOVE_EN = re.compile(
    r"\b(?:remove|drop|delete|take out|get rid of|strike|scrap|cross out|forget(?: about)?|"
    r"leave out)\s+(?P<x>.+?)" + _END, re.IGNORECASE)
_NO_LONGER_EN = re.compile(r"\b(?:no longer|not anymore)\s+(?:in\s+|target(?:ing)?\s+)?(?P<x>[^.;,!?]+)",
                           re.IGNORECASE)
_NOT_BUT_EN = re.compile(r"\bnot\s+(?P<x>[^.;!?]+?),?\s+but\s+(?P<y>[^.;!?]+)", re.IGNORECASE)
_CHANGE_EN = re.compile(r"\b(?:change|switch|correct)\s+(?P<x>.+?)\s+(?:to|into)\s+(?P<y>[^.;!?]+)"
                        r"|\breplace\s+(?P<x2>.+?)\s+with\s+(?P<y2>[^.;!?]+)", re.IGNORECASE)
_INSTEAD_EN = re.compile(r"(?P<y>[^.;!?,]+?)\s+(?:instead of|rather than)\s+(?P<x>[^.;!?,]+)",
                         re.IGNORECASE)
_REMOVE_ZH = re.compile(r"(?:去掉|删掉|删除|去除|移除|拿掉|划掉|不要|不包括|排除)(?:了)?\s*(?P<x>[^，,。；;！？\n]+)")
_NOT_BUT_ZH = re.compile(r"不是\s*(?P<x>[^，,。；;而]+?)\s*[，,]?\s*(?:而是|是)\s*(?P<y>[^，,。；;！？\n]+)")
_CHANGE_ZH = re.compile(r"(?:把|将)?\s*(?P<x>[^，,。；;把将]+?)\s*(?:改成|改为|换成|替换为|更正为)\s*(?P<y>[^，,。；;！？\n]+)")
_CORRECTION = re.compile(
    r"^\s*(?:actually|correction|to correct|i meant|we meant|sorry,? i meant|wait|no,|rather|in fact)\b"
    r"|\b(?:actually|i meant|to be precise|correction:)"
    r"|^\s*(?:其实|实际上|更正|纠正|准确地说|准确来说|应该是|不对)|其实是|实际上是|应该是", re.IGNORECASE)
_ADDITIVE = re.compile(r"\b(?:also|too|as well|in addition|plus)\b|也|还有|另外|此外", re.IGNORECASE)


def show_bounds(bounds: NumberRange) -> str:
    low, high = bounds.min, bounds.max
    if low is not None and high is not None:
        return f"{low:,.0f}-{high:,.0f}"
    return f">= {low:,.0f}" if low is not None else f"<= {high:,.0f}" if high is not None else "-"


@dataclass
class AnswerEdit:
    """What an answer takes back (`removals`) and whether it restates (corrects) what it names;
    `replacements` pairs an old phrase with the one said instead ("not X but Y")."""

    removals: list[str] = field(default_factory=list)
    replacements: list[tuple[str, str]] = field(default_factory=list)
    correction: bool = False
    additive: bool = False

    @property
    def is_edit(self) -> bool:
        return bool(self.removals) or self.correction


def _clean(value: str) -> str:
    value = value.strip().strip(_QUOTES).strip()
    value = re.sub(r"^(?:the|a|an|our|all|those|these|that|this)\s+", "", value, flags=re.IGNORECASE)
    value = re.sub(r"\s+(?:from (?:the )?(?:list|icp|profile|regions?|industries|filters?)|please|"
                   r"for now|altogether|entirely)$", "", value, flags=re.IGNORECASE)
    value = re.sub(r"^(?:了|掉)|(?:吧|了|这个|这一项|这一条)$", "", value)
    return value.strip().strip(_QUOTES).strip(" ，,、")


def read_edit(text: str) -> AnswerEdit:
    """The edit cues in an answer, in either language."""
    edit = AnswerEdit(correction=bool(_CORRECTION.search(text)), additive=bool(_ADDITIVE.search(text)))
    for pattern in (_REMOVE_EN, _NO_LONGER_EN, _REMOVE_ZH):
        edit.removals += [_clean(m.group("x")) for m in pattern.finditer(text)]
    for pattern in (_NOT_BUT_EN, _NOT_BUT_ZH, _INSTEAD_EN):
        for match in pattern.finditer(text):
            edit.removals.append(_clean(match.group("x")))
            edit.replacements.append((_clean(match.group("x")), _clean(match.group("y"))))
            edit.correction = True
    for pattern in (_CHANGE_EN, _CHANGE_ZH):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            old, new = groups.get("x") or groups.get("x2") or "", groups.get("y") or groups.get("y2") or ""
            edit.removals.append(_clean(old))
            edit.replacements.append((_clean(old), _clean(new)))
            edit.correction = True
    edit.removals = [r for r in dict.fromkeys(edit.removals) if r]
    return edit


# --- naming a field or a value -------------------------------------------------------------------

def field_named(words: str) -> str | None:
    """The field `words` names ("regions", "员工人数", "the champion"), or None."""
    key = _clean(words).lower()
    key = re.sub(r"\s+(?:range|list|filter|bounds?)$", "", key)
    for name, (_, aliases) in LIST_FIELDS.items():
        if key == name or key in aliases:
            return name
    for table in (RANGE_FIELDS, ITEM_FIELDS, ROLE_WORDS):
        for name, aliases in table.items():
            if key == name or key in aliases:
                return name
    return None


def _same(item: str, wanted: str) -> bool:
    a, b = item.strip().lower(), wanted.strip().lower()
    if not a or not b:
        return False
    if a == b:
        return True
    if re.search(r"[\u4e00-\u9fff]", a + b):
        return len(b) >= 2 and (b in a or a in b)
    pattern = r"(?<![\w-]){}(?![\w-])"
    return bool(re.search(pattern.format(re.escape(b)), a) or re.search(pattern.format(re.escape(a)), b))


def _list_owner(doc: ICPDocument, name: str) -> list[str]:
    owner = getattr(doc, LIST_FIELDS[name][0])
    values: list[str] = getattr(owner, name)
    return values


@dataclass
class Change:
    """One field's edit, for the one-line acknowledgement."""

    target: str
    removed: list[str] = field(default_factory=list)
    now: str = ""  # the new value, shown when a field was set
    added: bool = False  # `now` was added to the field (in place of what was removed)


def _remove_value(doc: ICPDocument, wanted: str, only: str | None = None) -> tuple[ICPDocument, Change | None]:
    """Remove the values that `wanted` names (from field `only`, or wherever they are)."""
    doc = doc.model_copy(deep=True)
    for name in LIST_FIELDS:
        if only not in (None, name):
            continue
        values = _list_owner(doc, name)
        gone = [v for v in values if _same(v, wanted)]
        if gone:
            values[:] = [v for v in values if v not in gone]
            return doc, Change(name, gone)
    for name in ITEM_FIELDS:
        if only not in (None, name):
            continue
        items = getattr(doc, name)
        dropped = [item for item in items if _same(item.description, wanted)]
        if dropped:
            setattr(doc, name, [item for item in items if item not in dropped])
            return doc, Change(name, [item.description for item in dropped])
    makers = []
    removed: list[str] = []
    removed_from = ""
    for maker in doc.decision_makers:
        if only not in (None, maker.role):
            makers.append(maker)
            continue
        gone = [title for title in maker.titles if _same(title, wanted)]
        if gone and not removed:
            removed, removed_from = gone, maker.role
            titles = [t for t in maker.titles if t not in gone]
            if titles:
                makers.append(maker.model_copy(update={"titles": titles}))
        else:
            makers.append(maker)
    if removed:
        doc.decision_makers = makers
        return doc, Change(removed_from, removed)
    return doc, None


def clear_field(doc: ICPDocument, name: str) -> tuple[ICPDocument, Change | None]:
    doc = doc.model_copy(deep=True)
    if name in LIST_FIELDS:
        values = _list_owner(doc, name)
        if not values:
            return doc, None
        change = Change(name, list(values))
        values.clear()
        return doc, change
    if name in RANGE_FIELDS:
        bounds: NumberRange = getattr(doc.firmographics, name)
        if not bounds.is_set:
            return doc, None
        setattr(doc.firmographics, name, NumberRange())
        return doc, Change(name, ["range"])
    if name in ITEM_FIELDS:
        items = getattr(doc, name)
        if not items:
            return doc, None
        setattr(doc, name, [])
        return doc, Change(name, [item.description for item in items])
    maker = doc.decision_maker(name)
    if maker is None:
        return doc, None
    doc.decision_makers = [m for m in doc.decision_makers if m.role != name]
    return doc, Change(name, list(maker.titles) or [name])


def remove_named(doc: ICPDocument, wanted: str, only: str | None = None) -> tuple[ICPDocument, Change | None]:
    """'global', 'the regions', 'e-commerce from industries': a value, or a whole field."""
    if only is None:
        named = field_named(wanted)
        if named is not None:
            return clear_field(doc, named)
        scoped = re.match(r"(?P<v>.+?)\s+from\s+(?:the\s+)?(?P<f>.+)$", wanted, re.IGNORECASE)
        if scoped and field_named(scoped.group("f")):
            return _remove_value(doc, _clean(scoped.group("v")), field_named(scoped.group("f")))
    return _remove_value(doc, wanted, only)


# --- applying an answer as an edit ---------------------------------------------------------------

def _similarity(a: str, b: str) -> float:
    def grams(text: str) -> set[str]:
        text = text.lower()
        if re.search(r"[\u4e00-\u9fff]", text):
            return {text[i:i + 2] for i in range(len(text) - 1)}
        return set(re.findall(r"[a-z0-9]{3,}", text))

    left, right = grams(a), grams(b)
    return len(left & right) / len(left | right) if left and right else 0.0


def _restate(doc: ICPDocument, patch: ICPPatch, additive: bool,
             names_what_goes: bool = False) -> tuple[ICPDocument, ICPPatch, list[Change]]:
    """A correction restates fields: its lists replace the old ones (unless it says 'also'), its
    pain point / signal / red flag replaces the most similar one said before."""
    doc = doc.model_copy(deep=True)
    changes: list[Change] = []
    if not additive:
        for name in LIST_FIELDS:
            new = getattr(patch, name)
            values = _list_owner(doc, name)
            if new and values:
                dropped = [v for v in values if not any(v.lower() == n.lower() for n in new)]
                if dropped:
                    values[:] = [v for v in values if v not in dropped]
                    changes.append(Change(name, dropped))
    for name in ITEM_FIELDS:
        new_items = getattr(patch, name)
        items = list(getattr(doc, name))
        if len(new_items) == 1 and items and not additive and not names_what_goes:
            closest = max(items, key=lambda item: _similarity(item.description, new_items[0].description))
            if _similarity(closest.description, new_items[0].description) == 0:
                closest = items[-1]
            setattr(doc, name, [item for item in items if item is not closest])
            changes.append(Change(name, [closest.description]))
    for name in RANGE_FIELDS:
        restated: NumberRange | None = getattr(patch, name)
        if restated is not None and restated.is_set:  # a restated range replaces both ends
            bounds = NumberRange(min=restated.min, max=restated.max)
            if bounds != getattr(doc.firmographics, name):
                setattr(doc.firmographics, name, bounds)
                changes.append(Change(name, now=show_bounds(bounds)))
    return doc, patch, changes


def _said_instead(patch: ICPPatch, edit: AnswerEdit) -> ICPPatch:
    """'Not X but Y' read as one item: the item is Y (X is what gets removed)."""
    if not edit.replacements:
        return patch
    updates: dict[str, object] = {}
    for name in ITEM_FIELDS:
        items = getattr(patch, name)
        fixed = []
        for item in items:
            for old, new in edit.replacements:
                if new and _same(item.description, old) and new.lower() not in old.lower():
                    item = item.model_copy(update={"description": new})
                    break
            fixed.append(item)
        if fixed != items:
            updates[name] = fixed
    return patch.model_copy(update=updates) if updates else patch


def _add_item(doc: ICPDocument, name: str, text: str) -> ICPDocument:
    kind = {"pain_points": PainPoint, "buying_signals": BuyingSignal, "red_flags": RedFlag}[name]
    return doc.model_copy(update={name: [*getattr(doc, name), kind(description=text)]})


def apply_answer_edit(doc: ICPDocument, patch: ICPPatch, edit: AnswerEdit) -> tuple[ICPDocument, list[str], list[Change]]:
    """Apply `patch` as `edit` says: corrections restate, removals delete (after the patch, so a
    value the answer names only to take back is not added)."""
    changes: list[Change] = []
    patch = _said_instead(patch, edit)
    if edit.correction:
        doc, patch, changes = _restate(doc, patch, edit.additive, bool(edit.removals))
    doc, changed = apply_patch(doc, patch)
    changed_set = set(changed)
    said_instead = dict(edit.replacements)
    for wanted in edit.removals:
        doc, change = remove_named(doc, wanted)
        if change is None:
            continue
        changes.append(change)
        new = said_instead.get(wanted, "")
        if new and change.target in ITEM_FIELDS and not any(
                _same(item.description, new) for item in getattr(doc, change.target)):
            doc = _add_item(doc, change.target, new)  # "把A改成B": B takes A's place
            changes.append(Change(change.target, now=new, added=True))
    for change in changes:
        changed_set.add(path_of(change.target))
    return doc, sorted(changed_set), changes


def path_of(name: str) -> str:
    if name in LIST_FIELDS:
        return f"{LIST_FIELDS[name][0]}.{name}"
    if name in RANGE_FIELDS:
        return f"firmographics.{name}"
    if name in ROLE_WORDS:
        return "decision_makers"
    return name


# --- /set FIELD VALUE ----------------------------------------------------------------------------

_SCALE = {"k": 1e3, "m": 1e6, "mm": 1e6, "b": 1e9, "bn": 1e9, "万": 1e4, "亿": 1e8, "千": 1e3}
_BOUND = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(k|mm|m|bn|b|万|亿|千)?", re.IGNORECASE)


class EditError(ValueError):
    """An exact edit that cannot be applied; the message says what to type instead."""


def _parse_range(value: str) -> NumberRange:
    text = value.replace("$", "").replace("，", ",").strip()
    numbers = [float(m.group(1).replace(",", "")) * _SCALE.get((m.group(2) or "").lower(), 1)
               for m in _BOUND.finditer(text)]
    if not numbers:
        raise EditError(f"{value!r} holds no number; write it as 200-1000, >=50 or <=5000")
    if len(numbers) >= 2:
        low, high = sorted(numbers[:2])
        return NumberRange(min=low, max=high)
    if re.search(r"<|≤|under|below|up to|at most|以下|以内|不超过", text, re.IGNORECASE):
        return NumberRange(max=numbers[0])
    return NumberRange(min=numbers[0])


def split_values(value: str) -> list[str]:
    parts = re.split(r"\s*(?:[,;，；、/|]|\band\b|\bor\b|和|及|与|或)\s*", value)
    return [_clean(part) for part in parts if _clean(part)]


def set_field(doc: ICPDocument, name: str, value: str) -> tuple[ICPDocument, Change]:
    """`/set FIELD VALUE`: the field holds exactly VALUE afterwards."""
    doc = doc.model_copy(deep=True)
    if name in LIST_FIELDS:
        values = _list_owner(doc, name)
        values[:] = split_values(value)
        return doc, Change(name, now=", ".join(values))
    if name in RANGE_FIELDS:
        bounds = _parse_range(value)
        setattr(doc.firmographics, name, bounds)
        return doc, Change(name, now=value.strip())
    if name in ITEM_FIELDS:
        parts = [part.strip() for part in re.split(r"\s*[;；]\s*", value) if part.strip()]
        kind = {"pain_points": PainPoint, "buying_signals": BuyingSignal, "red_flags": RedFlag}[name]
        setattr(doc, name, [kind(description=part) for part in parts])
        return doc, Change(name, now=value.strip())
    titles = split_values(value)
    makers = [m for m in doc.decision_makers if m.role != name]
    doc.decision_makers = [*makers, DecisionMaker(role=name, titles=titles)]  # type: ignore[arg-type]
    return doc, Change(name, now=", ".join(titles))
