"""Employee and revenue ranges from the units that describe who the customer is.

Which field a range belongs to comes from the words next to it (currency or "ARR" / "收入" ->
revenue, "people" / "员工" / "人" -> headcount), else from its sentence, else from the sentence
before it. Precedence: the first explicit range > one-sided bounds ("200+ employees") > hints.
A hint is a sentence that opens with a bound and then says what goes wrong there ("Below ~50
they hack it together in Stripe"): the bound is where the profile starts, so it is a lower bound
for "below" and an upper bound for "above". Bounds in a disqualifying context never reach here:
those units are red flags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from icp_coach.engines.offline.extraction.lexicons import cues, has_cjk
from icp_coach.engines.offline.extraction.lines import Unit, split_sentences
from icp_coach.text.money import conversion_note, to_usd
from icp_coach.text.numbers import NumberRange, find_ranges

SIZE_KINDS = (None, "profile")
_HINT_OPENING = re.compile(
    r"^\W*(?:below|under|less than|fewer than|smaller than|above|over|more than|bigger than"
    r"|larger than|past|beyond|<|>)\b", re.IGNORECASE)
_CURRENCY_WORDS = re.compile(r"人民币|美元|美金")
# A number right before one of these counts stores, sites, seats... not employees ("50家店").
_COUNTED_THING = re.compile(
    r"^\s*(?:\+|或?以上|或?以下)?\s*(?:人次|次|例|单|家|个|间|张|辆|台|座|所|床|门店|店|分店|网点|工位|牙椅"
    r"|吨|公斤|千克|平方米|平米|㎡|亩|兆瓦|千瓦|(?:mw|kw|tons?|tonnes?|sq\.?\s?ft|square\s+(?:feet|meters|metres)"
    r"|m2|barrels|cases|pallets|parcels|shipments|visits|patients|students|beds)\b|(?:(?:retail|physical)\s+)?"
    r"(?:stores?|shops?|locations?|sites?|outlets?|branch(?:es)?|clinics?|practices|offices|rooftops?"
    r"|beds?|rooms?|seats?|units?|doors|trucks?|vehicles?|members?|users?|customers?|clients?"
    r"|accounts?|subscribers?|properties|restaurants?|venues?|warehouses?)\b)", re.IGNORECASE)
# What is counted, said before the number ("年体检人次五万到八十万", "库容 1 万吨", "beds: 120").
_COUNTED_BEFORE = re.compile(
    r"(?:人次|库容|床位|门店数?|客房|房间数?|网点|牙椅|工位|车辆|学员|会员|用户|客户数|订单|visits|beds"
    r"|stores|locations|sites|members|students|subscribers|users|customers|seats|rooms|units)"
    r"\s*(?:数|数量|number)?\s*[:：]?\s*(?:约|大约|around|about|~)?\s*$", re.IGNORECASE)
# "2-3 FTEs in the office", "a finance team of 5": the size of a team, not of the company.
_TEAM = re.compile(r"(?<![A-Za-z])(?:team|teams|department|dept|office staff|in the office|in-house"
                   r"|dedicated)(?![A-Za-z])|团队|部门|办公室", re.IGNORECASE)
_TEAM_MAX = 20
_UNIT_CODE = re.compile(r"\s*(?!USD|EUR|GBP|CNY|RMB|ARR|MRR)[A-Z]{2,5}\b")
# Plural nouns for people (agent suffixes), and the few things with the same endings.
_PEOPLE = re.compile(r"(?:ors|ers|ists|ians|eers|ants|ics|men|women|folks|staffers)$")
_THINGS = {"containers", "trailers", "printers", "servers", "computers", "chargers", "lockers",
           "members", "customers", "users", "subscribers", "followers", "orders", "players",
           "readers", "scanners", "sensors", "meters", "monitors", "routers", "boilers", "towers",
           "centers", "centres", "offers", "tickets", "restaurants", "accounts", "clients",
           "patients", "residents", "tenants", "students", "participants", "applicants"}
# Words ending in "s" right after a number that do not name what is counted.
_NOT_A_COUNT = {"this", "its", "is", "was", "has", "us", "plus", "as", "yes", "thus", "always",
                "sometimes", "perhaps", "years", "months", "weeks", "days", "yrs", "dollars",
                "euros", "pounds", "bucks", "tops", "less", "or", "across"}
# Contract value is not company revenue ("ACV around $20k", "deals run $30k to $90k a year").
_CONTRACT = re.compile(r"(?<![A-Za-z])(?:acv|tcv|deal size|deals?|contracts?|ticket size|price"
                       r"|pricing|per seat|subscription|plan)(?![A-Za-z])|客单价|合同|单价|报价|年费",
                       re.IGNORECASE)
_WINDOW = 14


@dataclass
class Bounds:
    min: float | None = None
    max: float | None = None
    how: str = ""  # "range" | "bounds" | "hint"


@dataclass
class Sizes:
    employees: Bounds = field(default_factory=Bounds)
    revenue_usd: Bounds = field(default_factory=Bounds)
    notes: list[str] = field(default_factory=list)


def _field_near(sentence: str, found: NumberRange) -> str | None:
    """ "revenue" or "employees" from the words right around a range, nearest cue wins."""
    if found.currency:
        return "revenue"
    masked = _CURRENCY_WORDS.sub(lambda m: "#" * len(m.group()), sentence)
    # A cue across a clause boundary speaks of the next range ("五十到五百之间，营收规模...").
    after = re.split(r"[,，;；、]", masked[found.end:found.end + _WINDOW], maxsplit=1)[0]
    before = re.split(r"[,，;；、]", masked[max(0, found.start - _WINDOW):found.start])[-1]
    best: tuple[int, str] | None = None
    for name in ("employees", "revenue"):
        pattern = cues(name, "")
        for match in pattern.finditer(after):
            distance = match.start()
            if best is None or distance < best[0]:
                best = (distance, name)
            break
        for match in pattern.finditer(before):
            distance = len(before) - match.end()
            if best is None or distance < best[0]:
                best = (distance, name)
    return best[1] if best else None


def _field_in(sentence: str) -> str | None:
    masked = _CURRENCY_WORDS.sub("", sentence)
    if cues("revenue", "").search(masked) or re.search(r"[$€£¥￥]|人民币|美元", sentence):
        return "revenue"
    if cues("employees", "").search(masked):
        return "employees"
    return None


def _other_plural(after: str) -> bool:
    """ "3,000 to 60,000 cases": a plural noun right after the number that names no people."""
    match = re.match(r"\s*(?:[a-z-]+\s+)?([A-Za-z][a-z-]+s)\b", after)  # "active students"
    if not match:
        return False
    word = match.group(1).lower()
    if _PEOPLE.search(word) and word not in _THINGS:  # "inspectors", "mechanics", "dentists"
        return False
    return word not in _NOT_A_COUNT and not cues("employees", "").fullmatch(word) and \
        not cues("revenue", "").fullmatch(word)


def _counts_something_else(sentence: str, found: NumberRange, name: str) -> bool:
    """Stores, seats or a team, not the company's headcount; a contract's value, not revenue."""
    if name == "employees":
        after = sentence[found.end:]
        if _COUNTED_THING.match(after) or _other_plural(after) or \
                _COUNTED_BEFORE.search(sentence[max(0, found.start - 12):found.start]):
            return True
        top = found.max if found.max is not None else found.min
        return bool(_TEAM.search(sentence)) and top is not None and top < _TEAM_MAX
    after = sentence[found.end:]
    if not found.currency and (_COUNTED_THING.match(after) or _UNIT_CODE.match(after)):
        return True  # "200,000 to 3 million TEU", "50 to 300 MW": volumes, not money
    return bool(_CONTRACT.search(sentence)) and not cues("revenue", "").search(sentence)


def _plausible(name: str, low: float | None, high: float | None) -> bool:
    values = [v for v in (low, high) if v is not None]
    if name == "employees":
        looks_like_years = len(values) == 2 and all(
            1900 <= v <= 2100 and float(v).is_integer() for v in values)
        return all(1 <= v < 5_000_000 for v in values) and not looks_like_years
    return all(v >= 1000 for v in values)


def extract_sizes(units: list[Unit], *, cny_per_usd: float) -> Sizes:
    sizes = Sizes()
    ranges: dict[str, list[Bounds]] = {"employees": [], "revenue": []}
    bounds: dict[str, Bounds] = {"employees": Bounds(how="bounds"), "revenue": Bounds(how="bounds")}
    hints: dict[str, Bounds] = {"employees": Bounds(how="hint"), "revenue": Bounds(how="hint")}
    for unit in units:
        if unit.is_heading or unit.kind not in SIZE_KINDS:
            continue
        previous_field: str | None = None
        for sentence in split_sentences(unit.text):
            sentence_field = _field_in(sentence)
            for found in find_ranges(sentence):
                name = _field_near(sentence, found) or sentence_field or previous_field
                if name is None or _counts_something_else(sentence, found, name):
                    continue
                low, high = found.min, found.max
                if name == "revenue":
                    currency = found.currency or ("CNY" if has_cjk(sentence) else "USD")
                    low = None if low is None else to_usd(low, currency, cny_per_usd)
                    high = None if high is None else to_usd(high, currency, cny_per_usd)
                    note = conversion_note(currency, cny_per_usd)
                    if note and note not in sizes.notes:
                        sizes.notes.append(note)
                if not _plausible(name, low, high):
                    continue
                previous_field = name
                if found.kind == "range":
                    ranges[name].append(Bounds(low, high, "range"))
                elif _HINT_OPENING.match(sentence) and sentence.find(sentence.strip()[:1]) == 0 \
                        and found.start <= 12:
                    # "Below ~50 they ..." marks where the profile starts, not where it ends.
                    target = hints[name]
                    if found.kind == "at_most" and target.min is None:
                        target.min = high
                    elif found.kind == "at_least" and target.max is None:
                        target.max = low
                else:
                    target = bounds[name]
                    if found.kind == "at_least" and target.min is None:
                        target.min = low
                    elif found.kind == "at_most" and target.max is None:
                        target.max = high
            previous_field = sentence_field or previous_field
    for name, result in (("employees", sizes.employees), ("revenue", sizes.revenue_usd)):
        if ranges[name]:
            chosen = ranges[name][0]
            result.min, result.max, result.how = chosen.min, chosen.max, "range"
            continue
        for source in (bounds[name], hints[name]):
            if result.min is None and source.min is not None:
                result.min, result.how = source.min, result.how or source.how
            if result.max is None and source.max is not None:
                result.max, result.how = source.max, result.how or source.how
    return sizes
