"""Numbers, ranges and bounds in English and Chinese text: the one parser of the package.

Understands figures as people type and say them: "1,200", "1.5k", "$5M", "fifteen hundred",
"a couple hundred", "a hundred and fifty-ish", "two and a half million", "two to three dozen",
"两千", "1000 万", "一万五", "八个亿", "三五十" (30 to 50), "两三千万", "十几"; ranges "50 to 200",
"between 50 and 200", "from forty or fifty people all the way up to maybe eight hundred",
"1000 到 5000 万" (a scale said once serves both ends); bounds "under 50", "north of $50M",
"not under 20 people" (a lower bound), "200+", "100 人以下", "百人以上", "千人规模以下", "营收过亿".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from icp_coach.text.money import (
    CURRENCY_PREFIX,
    CURRENCY_SUFFIX,
    conversion_note,
    currency_code,
    to_usd,
)

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# Words that multiply what comes before them ("three dozen", "fifteen hundred", "two million").
_MAGNITUDES = {"dozen": 12.0, "hundred": 100.0, **_BIG}
_QUALIFIERS = {"a couple of": 2, "a couple": 2, "couple of": 2, "couple": 2, "a few": 3, "few": 3,
               "several": 3, "a": 1, "an": 1, "half a": 0.5, "a half": 0.5, "a quarter": 0.25,
               "a dozen": 12, "dozen": 12}
# Qualifiers that are no figure on their own ("a couple of sites", "a few people").
_NOT_ALONE = {q for q in _QUALIFIERS if "dozen" not in q}
_WORD = "|".join(sorted([*_SMALL, "hundred", *_BIG, "dozen"], key=len, reverse=True))
_QUAL = "|".join(sorted(_QUALIFIERS, key=len, reverse=True)).replace(" ", r"\s+")
# "and" only continues a number after a scale word ("two hundred and fifty"); "ten and eighty
# million" is a range. "and a half" continues any number ("two and a half million").
_WORDS_NUMBER = (rf"(?:(?:{_QUAL})\s+)?(?:{_WORD})(?:(?:\s+|-)"
                 r"(?:(?:(?<=hundred )|(?<=thousand )|(?<=million )|(?<=billion ))and\s+)?"
                 rf"(?:{_WORD})|\s+and\s+a\s+half)*")

_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_ZH_UNIT = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 1e4, "亿": 1e8}
_ZC = "零〇一二两三四五六七八九十百千"
_ZD = "一二两三四五六七八九"
_ZH_NUMBER = (
    rf"[{_ZC}]+[万亿][{_ZC}]+万?(?![{_ZC}])"  # 一万五千, 三万五, 一亿五千万
    rf"|[{_ZC}]*十几"  # 十几, 二十几: a span
    rf"|[{_ZC}]{{2,}}"
    rf"|[{_ZD}十](?=[来多余]?[十百千万亿人名个家位号])"
    rf"|[{_ZD}](?=\s*[到至~～\-－—]\s*[{_ZC}\d])"  # 一到八个亿
)
# A unit said without a digit: "百人以上", "千人规模以下", "上千人" (over a thousand), "过亿",
# "几百家" (vague: no bound to take).
_ZH_BARE = (rf"(?<!人数)(?<=[过上破超逾几数近])[十百千万亿]"
            rf"|(?:(?<=人数)|(?<![{_ZC}万亿几数\d.A-Za-z]))[百千万](?=[来多余把]?(?:[人名]|号人|员工|规模))")
_ZH_AT_LEAST_MARK = "过上破超逾"
_ZH_VAGUE_MARK = "几数"

# Scientific notation first ("5e6" in a YAML or CSV export), then grouped and plain digits.
_ARABIC = r"\d+(?:\.\d+)?[eE]\+?\d{1,2}(?![\dA-Za-z])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

# Clock times ("09:40", "9:14 AM"), dates ("2024-11-18", "11/18 09:40", "11月18日", "2024年",
# "Q3 2024") and years said as such ("in 2019").
_DATE_OR_TIME = re.compile(
    r"(?<![\d.,])(?:(?:19|20)\d{2}[-/](?:0?[1-9]|1[0-2])(?:[-/]\d{1,2})?"
    r"|\d{1,2}[-/.]\d{1,2}(?=\s*(?:[-–@,]\s*|at\s+)?\d{1,2}:\d{2}))(?![\d,])"
    # A month/day after a word that dates it: "call 3/22", "due 4/30", "on 11/5"
    r"|(?:(?<=\bon )|(?<=\bcall )|(?<=\bmeeting )|(?<=\bdue )|(?<=\bby )|(?<=\buntil )"
    r"|(?<=\bdated )|(?<=\bsent ))\d{1,2}/\d{1,2}(?![\d/,%])"
    r"|(?<![\d.,])\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?![\d])"
    r"|(?<![\d.,])(?:(?:19|20)\d{2}年|\d{1,2}月\d{1,2}[日号])(?:\d{1,2}月)?"
    r"|(?<![\d.,])\d{1,2}月(?:份)?(?=\d|[^\d万亿千百]|$)"
    r"|(?<=\bin )(?:19|20)\d{2}(?![\d,%])|(?<=Q[1-4] )(?:19|20)\d{2}"
    # Phone numbers: three or more digit groups joined by hyphens, dots or spaces in the
    # usual shapes ("415-555-0132", "(415) 555-0132", "+86 138-1234-5678").
    r"|(?<![\d.,])(?:\+\d{1,3}[\s-]?)?\(?\d{3}\)?[\s.-]\d{3,4}[.-]\d{4}(?![\d,])"
    # A month/day in brackets or after the word of an update ("【更新 11/20】", "(12/2)",
    # "Edit 10/12:"), or opening a log entry ("11/04 — ...", "10-15 | ...")
    r"|(?:(?<=[【\[(（])|(?<=[【\[(（] )|(?<=update )|(?<=updated )|(?<=edit )|(?<=edited )"
    r"|(?<=comment )|(?<=note )|(?<=更新 )|(?<=更新)|(?<=变更 )|(?<=变更)|(?<=修改 )|(?<=补充 )"
    r"|(?<=评论 )|(?<=批注 )|(?<=修订 ))(?:0?[1-9]|1[0-2])[/.](?:0?[1-9]|[12]\d|3[01])"
    r"(?![\d/,%.A-Za-z万亿千百人名])"
    r"|^\s*(?:[-*•]\s*)?(?:0?[1-9]|1[0-2])[/.](?:0?[1-9]|[12]\d|3[01])(?=\s*(?:[—–:：|]|-\s))"
    # "09-20", "03/14": a month written with its leading zero is a date
    r"|(?<![\d.,])0[1-9][-/.](?:0[1-9]|[12]\d|3[01])(?![\d,.%])"
    # an identifier: "审批编号：2026-118", "ticket #4411", "GTM-212", "v1.2"
    r"|(?:(?<=编号)|(?<=单号)|(?<=序号)|(?<=批号)|(?<=工号)|(?<=\bID)|(?<=\bNo\.))"
    r"\s*[:：#]?\s*[\dA-Za-z][\w-]*"
    r"|(?<![A-Za-z\d])(?-i:[A-Z]{2,6})-\d+(?![\d,.])|(?<![A-Za-z\d])v\d+(?:\.\d+)+", re.IGNORECASE)

# Orders of magnitude said as such: "a seven-figure business" ($1M to $10M), "low eight figures",
# "千万级" (10 to 100 million), "千人级" (1,000 to 10,000 people).
_FIGURES = (r"(?<![A-Za-z])(?:(?P<part>low|mid|high)[-\s]+)?(?P<digits>six|seven|eight|nine|ten|[6-9]|10)"
            r"[-\s]+figures?(?![A-Za-z])")
_FIGURE_DIGITS = {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_FIGURE_PART = {"low": (1, 3), "mid": (4, 6), "high": (7, 10)}
_TIER = rf"(?<![{_ZC}\d.])(?P<tierunit>十亿|千万|百万|十万|亿|万|千人|百人|万人)级"
_TIER_VALUE = {"十亿": 1e9, "千万": 1e7, "百万": 1e6, "十万": 1e5, "亿": 1e8, "万": 1e4,
               "千人": 1e3, "百人": 1e2, "万人": 1e4}

_CORE = re.compile(
    rf"(?P<figures>{_FIGURES})|(?P<tier>{_TIER})"
    rf"|(?<![A-Za-z0-9.,])(?P<arabic>{_ARABIC})(?![A-Za-z]*\d)|(?P<zh>{_ZH_NUMBER})"
    rf"|(?P<zhbare>{_ZH_BARE})|(?<![A-Za-z])(?P<words>{_WORDS_NUMBER})(?![A-Za-z])(?![-\s]+figures?\b)",
    re.IGNORECASE)

# Scale words right after a number. Chinese compounds first: "千万" is ten million.
_SCALE = re.compile(
    r"^\s*(?:个[多来余]?|[多来余]个?)?(?P<scale>千万|百万|十万|万|亿|千|[kK][wW](?![A-Za-z])|k(?![A-Za-z])|K(?![A-Za-z])|(?i:thousand|million|billion"
    r"|dozen|hundred)(?![A-Za-z])|mm(?![a-z])|MM|mn(?![a-z])|m(?![A-Za-z])|M(?![A-Za-z])|(?i:mill?|mio)"
    r"(?![A-Za-z])\.?|bn(?![a-z])|BN|Bn|b(?![a-z])|B(?![a-z])|[wW](?![A-Za-z]))",
)
_SCALE_VALUE = {"千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4, "亿": 1e8, "千": 1e3, "k": 1e3,
                "thousand": 1e3, "mm": 1e6, "mn": 1e6, "m": 1e6, "million": 1e6, "bn": 1e9,
                "b": 1e9, "billion": 1e9, "dozen": 12.0, "hundred": 100.0, "mil": 1e6,
                "mill": 1e6, "mio": 1e6, "mio.": 1e6, "mil.": 1e6, "mill.": 1e6, "w": 1e4, "kw": 1e7}
# Abbreviated scales that may follow a number said in words ("forty to sixty mil").
_WORD_SCALES = {"mil", "mill", "mio", "mn", "bn", "mm"}
_CJK = re.compile(r"[\u3400-\u9fff]")
_ISH = re.compile(r"^(?:-?ish(?![a-z])|\s+or\s+so(?![a-z]))", re.IGNORECASE)

# Hedges a person puts between a bound word and its number ("up to maybe 800", "不到大概五百").
_HEDGE = (r"(?:\s*(?:~|≈|about|around|roughly|approx\.?|approximately|maybe|perhaps|probably"
          r"|possibly|say|like|something\s+like|somewhere\s+(?:around|near)|circa|ca\.|约|大约|大概"
          r"|差不多|将近|近|差不多|估计)\s*)*")
_AT_MOST_WORDS = (r"under|below|less\s+than|fewer\s+than|up\s*to|at\s+most|at\s+the\s+most"
                  r"|max(?:imum)?(?:\s+of)?|no\s+more\s+than|not\s+more\s+than|no\s+bigger\s+than"
                  r"|no\s+larger\s+than|not\s+over|not\s+above|nothing\s+(?:over|above|bigger\s+than)"
                  r"|smaller\s+than|south\s+of|shy\s+of|sub-?|tops?\s+out\s+(?:at|around|near)"
                  r"|max(?:es|ing)?\s+out\s+(?:at|around)|caps?\s+(?:out\s+)?at"
                  r"|as\s+(?:big|large|many|much|high)\s+as|<=?|≤|不到|少于|低于|小于|最多|至多"
                  r"|不超过|不高于|不大于|不多于|不能超过|不要超过|别超过|控制在")
_AT_LEAST_WORDS = (r"(?:not|never|no|nothing|none|nobody|no\s+one|anything\s+but)\s+"
                   r"(?:under|below|less\s+than|fewer\s+than|smaller\s+than)"
                   r"|over|above|past|beyond|more\s+than|at\s+least|min(?:imum)?(?:\s+of)?|north\s+of"
                   r"|bigger\s+than|larger\s+than|upwards?\s+of|as\s+(?:small|few|little|low)\s+as"
                   r"|starts?\s+(?:at|from)|begins?\s+(?:at|from)|in\s+excess\s+of|starting\s+(?:at|from)"
                   r"|(?<![-=])>=?|≥|超过|大于|多于|高于|至少|起码|最少|不少于|不低于|不小于|不能少于|不能低于"
                   r"|不要少于|不要低于|别少于|别低于|逾")
# The two ends said apart: "the smallest ones are ~30 people, the biggest maybe 400",
# "最小的也有五十人，最大的一千人出头", "少的七八十，多的四五百". No other figure in between.
_NOT_A_FIGURE = rf"[^\d{_ZC}万亿.。;；!?！？]"
_LOW_END = (rf"(?:smallest|tiniest|low(?:er)?\s+end|bottom\s+end|最小的|最少的|(?<![更很较比])(?:小的|少的))"
            rf"{_NOT_A_FIGURE}{{0,18}}$")
_HIGH_END = (rf"(?:biggest|largest|high(?:er)?\s+end|top\s+end|upper\s+end|最大的|最多的"
             rf"|(?<![更很较比])(?:大的|多的))(?![A-Za-z]){_NOT_A_FIGURE}{{0,18}}$")
_AT_MOST_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_AT_MOST_WORDS}){_HEDGE}\s*$|{_HIGH_END}",
                             re.IGNORECASE)
_AT_LEAST_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_AT_LEAST_WORDS}){_HEDGE}\s*$|{_LOW_END}",
                              re.IGNORECASE)
# "from $8M, no ceiling", "200 人，不设上限": the side a figure leaves open is the top, so the
# figure is the floor.
OPEN_CEILING = (r"(?:[,，;；(（—–-]\s*)?(?:but\s+|and\s+|with\s+)?(?:no|without\s+(?:a|an|any))\s+"
                r"(?:real\s+|hard\s+|upper\s+)?(?:ceiling|cap|upper\s+(?:limit|bound|end)|max(?:imum)?"
                r"|top\s+end|limit)(?![A-Za-z])|uncapped|[,，;；(（]?\s*(?:不设|没有|无|不限|不封)(?:上限|顶)"
                r"|[,，;；(（]?\s*上不封顶|[,，;；(（]?\s*上不设限")
# What may sit between a number and a bound said after it ("50 people or more", "千人规模以下").
_UNIT_AFTER = (r"(?:\s*(?:号人|人|名|家|元|个人|员工|规模|左右|上下|来|多|余|把|people|persons|employees|staff|ppl|heads"
               r"|ftes?|workers|in\s+revenue|of\s+revenue|revenue|arr|a\s+year|per\s+year"
               r"|annually)(?![A-Za-z]))*")
_AT_MOST_AFTER = re.compile(
    rf"^{_UNIT_AFTER}\s*(?:或?以下|以内|之内|封顶|or\s+(?:less|fewer|under|smaller|below)"
    r"|and\s+(?:below|under|smaller)|max\b|tops\b|at\s+(?:the\s+)?most\b"
    r"|(?:on|at)\s+the\s+(?:big|bigger|high|higher|top|upper|large|larger)\s+end\b)", re.IGNORECASE)
_AT_LEAST_AFTER = re.compile(
    rf"^{_UNIT_AFTER}\s*(?:\+|或?以上|起|{OPEN_CEILING}|upwards?\b|and\s+upwards?\b|or\s+(?:more|above|bigger|larger|over|up)"
    r"|and\s+(?:up|above|over|upwards?|bigger|larger)\b|plus\b|at\s+(?:the\s+)?least\b"
    r"|minimum\b|at\s+minimum\b"
    r"|(?:on|at)\s+the\s+(?:small|smaller|low|lower|bottom)\s+end\b)", re.IGNORECASE)
_END_AFTER = re.compile(rf"^{_UNIT_AFTER}\s*(?:on|at)\s+the\s+(?:(?P<low>small|smaller|low|lower|bottom)"
                        r"|big|bigger|high|higher|top|upper|large|larger)\s+end\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?<![A-Za-z])from\s*(?:~|about\s+|around\s+|roughly\s+)?$", re.IGNORECASE)
_UP_AFTER = re.compile(rf"^{_UNIT_AFTER}\s*(?:up(?:wards?)?|onwards?|on)(?![A-Za-z])"
                       r"(?!\s*(?:to|until|till|through)\b)", re.IGNORECASE)
_APPROX_BEFORE = re.compile(r"(?:~|≈|about|around|roughly|approx\.?|approximately|maybe|perhaps"
                            r"|probably|circa|ca\.|约|大约|大概|差不多|将近|近|估计)\s*$",
                            re.IGNORECASE)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|％|percent|per cent|pct)", re.IGNORECASE)
_PERCENT_BEFORE = re.compile(r"百分之$")
_VAGUE_BEFORE = re.compile(r"(?<!人)[几数]$")  # "几百家"; "人数百人" is 人数 + 百人

# What may sit between the two ends of one range: units, hedges, "-ish", commas and the filler
# of speech ("forty-ish people, all the way up to maybe eight hundred"; "一百人左右到五百来人").
_FILL = (r"(?:\s+|[,，、]|-(?=\s*to\b)|(?<=to)-|-?ish(?![a-z])|or\s+so|give\s+or\s+take|people|-?persons?"
         r"|employees|staff|ppl|guys|folks"
         # the filler of speech: "a couple dozen guys up to, what, two hundred"
         r"|what|uh|um|you\s+know|i'?d\s+say|i\s+guess|i\s+think|honestly|basically|like"
         r"|heads|ftes?|workers|headcount|maybe|perhaps|probably|possibly|roughly|about|around"
         r"|approx\.?|approximately|something\s+like|say|like|even|all\s+the\s+way|right|then|and"
         r"|on\s+the\s+(?:top|high|upper)\s+end|at\s+the\s+(?:top|high|upper)\s+end|at\s+the\s+most"
         r"|at\s+most|tops|in\s+revenue|revenue|a\s+year|per\s+year|来|多|余|把|出头|左右|上下|个|号|人|名"
         r"|员工|大概|大约|差不多|约|甚至|一直|最多|能|可能|大的|多的|大点的|大一点的|的)")
_CONNECT = (r"(?:-|–|—|~|～|－|to|up\s*to|upto|through|thru|until|till|into|到|至"
            # "两百人出头，大的一千六百人": the big ones said as the other end
            r"|(?<=[，,、；;\s])(?:最大的|最多的|大的|多的)(?:能|可以|会)?(?:到|有|达到?)?)")
_RANGE_JOIN = re.compile(rf"^(?:{_FILL})*{_CONNECT}(?:{_FILL})*$", re.IGNORECASE)
_BETWEEN_JOIN = re.compile(rf"^(?:{_FILL})*?(?:and|&|和|与|-|–)(?:{_FILL})*$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"(?:between|from|在|介于|从)\s*(?:~|about|around|roughly|maybe)?\s*$",
                             re.IGNORECASE)
# "forty or fifty people": two guesses at one figure, read as the span between them.
_OR_JOIN = re.compile(r"^\s*(?:or|or\s+so\s+or|/|、|或|或者)\s*$", re.IGNORECASE)
_LIST_GOES_ON = re.compile(rf"\s*(?:,|、|and|or)\s*(?:\d|[{_ZC}]|(?:{_WORD})(?![A-Za-z]))",
                           re.IGNORECASE)
_MAX_JOIN = 48  # characters between two ends of one range, at most


@dataclass(frozen=True)
class Quantity:
    """One amount in the text, with its scale, currency and any bound word around it.

    `low` / `high` hold the span of a figure that is itself a span ("三五十" is 30 to 50,
    "两三千万" 20 to 30 million, "十几" 10 to 20); for any other figure they equal `value`.
    """

    value: float
    raw: float  # before the scale ("5" in "5M")
    start: int
    end: int
    scale: float | None = None
    currency: str | None = None
    bound: str | None = None  # "at_most" | "at_least"
    approx: bool = False
    percent: bool = False
    vague: bool = False  # "几十人", "数百家", "dozens of": no number to take as a bound
    low: float | None = None
    high: float | None = None
    magnitude: float | None = None  # "hundred" in "three hundred": shared with a bare low end
    own_scale: bool = False  # a scale said with the figure ("5M", "三千万", "two million")

    @property
    def least(self) -> float:
        return self.value if self.low is None else self.low

    @property
    def most(self) -> float:
        return self.value if self.high is None else self.high


@dataclass(frozen=True)
class NumberRange:
    """A range or a one-sided bound found in text."""

    min: float | None
    max: float | None
    start: int
    end: int
    currency: str | None = None
    kind: str = "range"  # "range" | "at_least" | "at_most"
    scaled: bool = False  # an end says its own scale ("$5-20M", "1-5亿"), so no header's unit applies


def parse_english_number(words: str) -> float | None:
    """ "fifteen hundred" -> 1500, "a couple hundred" -> 200, "two and a half million" -> 2.5M."""
    text = re.sub(r"\s+", " ", words.lower().replace("-", " ")).strip()
    text = re.sub(r"\band a half\b", "and_a_half", text)
    multiplier = 1.0
    for qualifier in sorted(_QUALIFIERS, key=len, reverse=True):
        if text.startswith(qualifier + " "):
            multiplier = float(_QUALIFIERS[qualifier])
            text = text[len(qualifier) + 1:]
            break
    total, current, seen, last_big = 0.0, 0.0, False, 1.0
    previous_unit = False  # the word before was a digit one to nine, and nothing else yet
    for word in text.split():
        unit_before, previous_unit = previous_unit, False
        if word == "and":
            continue
        if word == "and_a_half":
            if current:
                current += 0.5
            elif total:  # "a million and a half"
                total += 0.5 * last_big
            else:
                return None
            continue
        if word in _SMALL:
            if unit_before and _SMALL[word] in _TENS_VALUES:
                current = current * 100  # "one twenty", "two fifty": hundreds said short
            current += _SMALL[word]
            previous_unit = not total and 1 <= current <= 9
        elif word in ("hundred", "dozen"):
            current = (current or multiplier) * _MAGNITUDES[word]
            multiplier = 1.0
        elif word in _BIG:
            total += (current or multiplier) * _BIG[word]
            current, multiplier, last_big = 0.0, 1.0, _BIG[word]
        else:
            return None
        seen = True
    if not seen:
        return None
    value = (total + current) * (multiplier if multiplier != 1.0 and not total and current else 1.0)
    return value


def _trailing_magnitude(words: str) -> float | None:
    """ "three hundred thousand" -> 100,000, "a hundred and fifty million" -> 1,000,000: the
    magnitude words that close a figure, which a bare low end shares ("between twenty and a
    hundred and fifty million"); None when there are none, or a bigger one comes earlier
    ("two thousand five hundred")."""
    tokens = re.sub(r"\s+", " ", words.lower().replace("-", " ")).split()
    index = len(tokens)
    while index > 1 and tokens[index - 1] in _MAGNITUDES:
        index -= 1
    if index == len(tokens) or index == 0:
        return None
    factor = 1.0
    for token in tokens[index:]:
        factor *= _MAGNITUDES[token]
    if any(_MAGNITUDES.get(token, 0.0) > factor for token in tokens[:index]):
        return None
    return factor


def _chinese_section(text: str) -> float | None:
    """A number below ten thousand: "一千五" -> 1500, "十五" -> 15, "三百零五" -> 305."""
    total, digit, last_unit = 0, None, 1
    for char in text:
        if char in "零〇":
            digit, last_unit = None, 10  # a placeholder: "三百零五" is 305, "十万零十" 100,010
        elif char in _ZH_DIGIT:
            digit = _ZH_DIGIT[char]
        elif char in _ZH_UNIT:
            unit = _ZH_UNIT[char]
            total += (digit if digit is not None else 1) * unit
            digit, last_unit = None, unit
        else:
            return None
    if digit is not None:
        # "一千五" means 1500: a trailing digit counts in the next lower unit.
        total += digit * (last_unit // 10 if last_unit >= 10 else 1)
    return float(total)


def parse_chinese_span(text: str) -> tuple[float, float] | None:
    """The span a Chinese figure stands for: "三五十" -> (30, 50), "两三千" -> (2000, 3000),
    "十几" -> (10, 20), "一万五" -> (15000, 15000); None when it is not a number."""
    if not text:
        return None
    pair = re.fullmatch(r"([一二两三四五六七八九])([一二两三四五六七八九])([十百千])", text)
    if pair and _ZH_DIGIT[pair.group(1)] < _ZH_DIGIT[pair.group(2)]:
        unit = _ZH_UNIT[pair.group(3)]
        return float(_ZH_DIGIT[pair.group(1)] * unit), float(_ZH_DIGIT[pair.group(2)] * unit)
    two = re.fullmatch(r"([一二两三四五六七八九])([一二两三四五六七八九])", text)
    if two and _ZH_DIGIT[two.group(1)] < _ZH_DIGIT[two.group(2)]:  # "一两个", "三五家"
        return float(_ZH_DIGIT[two.group(1)]), float(_ZH_DIGIT[two.group(2)])
    if text.endswith("十几"):
        base = _chinese_section(text[:-1]) if len(text) > 2 else 10.0
        return None if base is None else (base, base + 10)
    if re.search("[万亿]", text):
        total, last_unit = 0.0, 1.0
        for part, unit_char in re.findall(r"([^万亿]*)([万亿]?)", text):
            if not part and not unit_char:
                continue
            big = _ZH_BIG.get(unit_char, 1.0)
            if not unit_char and re.fullmatch(f"[{_ZD}]", part):
                section: float | None = _ZH_DIGIT[part] * last_unit / 10  # "一万五": 15,000
                big = 1.0
            else:
                section = _chinese_section(part) if part else 1.0
            if section is None:
                return None
            total += section * big
            last_unit = big if unit_char else last_unit
        return total, total
    value = _chinese_section(text)
    return None if value is None else (value, value)


def parse_chinese_number(text: str) -> tuple[float, bool] | None:
    """ "两千" -> 2000, "一千五" -> 1500, "十五" -> 15; "五六百" -> 550 (approximate)."""
    span = parse_chinese_span(text)
    if span is None:
        return None
    return (span[0] + span[1]) / 2, span[0] != span[1]


def _read_core(match: re.Match[str], before: str) -> tuple[float, float, float, bool, bool] | None:
    """(value, low, high, approx, vague) of one matched figure, before any scale."""
    if match.group("figures"):
        word = match.group("digits").lower()
        digits = _FIGURE_DIGITS.get(word) or int(word)
        first, last = _FIGURE_PART.get((match.group("part") or "").lower(), (1, 10))
        low, high = first * 10.0 ** (digits - 1), last * 10.0 ** (digits - 1)
        return low, low, high, True, False
    if match.group("tier"):
        unit = _TIER_VALUE[match.group("tierunit")]
        return unit, unit, unit * 10, True, False
    if match.group("arabic"):
        value = float(match.group("arabic").replace(",", ""))
        return value, value, value, False, False
    if match.group("zh"):
        span = parse_chinese_span(match.group("zh"))
        if span is None:
            return None
        low, high = span
        vague = bool(_VAGUE_BEFORE.search(before)) and match.group("zh")[0] in "十百千万"
        return (low + high) / 2, low, high, low != high, vague
    if match.group("zhbare"):
        char = match.group("zhbare")
        value = float(_ZH_UNIT.get(char) or _ZH_BIG[char])
        return value, value, value, before[-1:] == "近", bool(_VAGUE_BEFORE.search(before))
    words = match.group("words")
    parsed = parse_english_number(words)
    if parsed is None or re.sub(r"\s+", " ", words.strip().lower()) in _NOT_ALONE:
        return None
    return parsed, parsed, parsed, False, False


def _bound_before(before: str) -> str | None:
    """The bound said before a number; the longer phrase wins, so "no more than 60" is an upper
    bound and "not under 20" a lower one."""
    at_most, at_least = _AT_MOST_BEFORE.search(before), _AT_LEAST_BEFORE.search(before)
    if at_most and at_least:
        return "at_most" if at_most.start() < at_least.start() else "at_least"
    return "at_most" if at_most else "at_least" if at_least else None


def _mask_dates_and_times(text: str) -> str:
    """The text with clock times and dates blanked out (same length, so offsets hold): "11-18
    09:40" in a chat export is a date and a time, not a range of 11 to 18."""
    return _DATE_OR_TIME.sub(lambda m: " " * len(m.group()), text)


_TENS_VALUES = {value for value in _SMALL.values() if value >= 20}


def _first_number_end(match: re.Match[str], text: str) -> int | None:
    """Where the first of two numbers said in words ends, when the words hold two: "thirty
    forty" (tens after tens), "five six" (units after units), or "between five hundred and two
    thousand" (the "and" of "between"). None when the words are one number."""
    if not match.group("words"):
        return None
    offset = match.start("words")
    tokens = list(re.finditer(r"[A-Za-z]+", match.group("words")))
    if re.search(r"between\s+$", text[:match.start()], re.IGNORECASE):
        for token in tokens[1:-1]:
            if token.group().lower() == "and":
                return offset + token.start() - 1
    for previous, token in zip(tokens, tokens[1:], strict=False):
        first, second = _SMALL.get(previous.group().lower()), _SMALL.get(token.group().lower())
        if first is None or second is None:
            continue
        if first in _TENS_VALUES and second < 10:
            continue  # "twenty five"
        if 1 <= first <= 9 and second in _TENS_VALUES and previous is tokens[0]:
            continue  # "one twenty": a hundred and twenty, said short
        return offset + previous.end()
    return None


def find_quantities(text: str) -> list[Quantity]:
    """Every amount in text order, with scale, currency, bound and percent read from around it."""
    found: list[Quantity] = []
    consumed = 0  # the end of the last figure with its scale and currency: "50 million"
    masked = _mask_dates_and_times(text)
    position = 0
    while (match := _CORE.search(masked, position)) is not None:
        cut = _first_number_end(match, masked)
        if cut is not None:  # "thirty forty people": two guesses said in a row, not seventy
            match = _CORE.match(masked, match.start(), cut) or match
        position = max(match.end(), match.start() + 1)
        start, end = match.start(), match.end()
        if start < consumed:
            continue
        after, before = text[end:], text[:start]
        core = _read_core(match, before)
        if core is None:
            continue
        raw, low, high, approx, vague = core
        scale = None
        scale_match = _SCALE.match(after)
        if scale_match and (match.group("arabic") or match.group("zh") or match.group("zhbare")
                            or match.group("words") and scale_match.group("scale").lower().rstrip(".")
                            in _WORD_SCALES):  # "sixty mil"
            word = scale_match.group("scale")
            # "营收500w", "5kw": chat shorthand for 万 and 千万 (in English text a kW is power)
            if word.lower() not in ("w", "kw") or _CJK.search(text):
                scale = _SCALE_VALUE.get(word, _SCALE_VALUE.get(word.lower()))
                end += scale_match.end()
                after = text[end:]
        ish = _ISH.match(after)
        if ish:
            approx = True
            end += ish.end()
            after = text[end:]
        currency = None
        prefix = CURRENCY_PREFIX.search(before)
        if prefix:
            currency = currency_code(prefix.group())
            start -= len(prefix.group())
            before = text[:start]
        suffix = CURRENCY_SUFFIX.match(after)
        if suffix:
            currency = currency or currency_code(suffix.group())
            if currency_code(suffix.group()) == currency:
                end += suffix.end()
                after = text[end:]
        percent = bool(_PERCENT_AFTER.match(after) or _PERCENT_BEFORE.search(before))
        bound = None
        if match.group("zhbare") and before and before[-1] in _ZH_AT_LEAST_MARK:
            bound = "at_least"  # "上千人", "营收过亿"
        else:
            bound = _bound_before(before)
            end_after = _END_AFTER.match(after)
            if end_after:  # "120 at the high end": the end named after the figure is its own
                bound = "at_least" if end_after.group("low") else "at_most"
            elif bound is None and _AT_MOST_AFTER.match(after):
                bound = "at_most"
            elif bound is None and _AT_LEAST_AFTER.match(after):
                bound = "at_least"
            elif bound is None and _FROM_BEFORE.search(before) and _UP_AFTER.match(after):
                bound = "at_least"  # "anything from $10M up", "from 50 people onwards"
        approx = approx or bool(_APPROX_BEFORE.search(before))
        factor = scale or 1.0
        magnitude = _trailing_magnitude(match.group("words")) if match.group("words") else None
        consumed = end
        found.append(Quantity(value=raw * factor, raw=raw, start=start, end=end, scale=scale,
                              currency=currency, bound=bound, approx=approx, percent=percent,
                              vague=vague, low=low * factor, high=high * factor,
                              magnitude=magnitude,
                              own_scale=bool(scale or magnitude or match.group("figures")
                                             or match.group("tier") or re.search(
                                                 "[万亿]", match.group("zh") or ""))))
    return found


def _join(text: str, first: Quantity, second: Quantity) -> str | None:
    """How two figures make one range: "to" (50 to 200, 从一百人左右到五百来人), "or" (forty or
    fifty), or None."""
    between = text[first.end:second.start]
    if len(between) > _MAX_JOIN or re.search(r"[.。;；!?！？]\s", between + " "):
        return None
    if _RANGE_JOIN.match(between):
        return "to"
    if _BETWEEN_JOIN.match(between) and _BETWEEN_BEFORE.search(text[:first.start]):
        return "to"
    if re.fullmatch(r"\s*,\s*", between) and re.search(r"[\[(]\s*$", text[:first.start]) \
            and re.match(r"\s*[\])]", text[second.end:]) and first.value < second.value:
        return "to"  # "[5e6, 5e7]", "(50, 250)": a YAML or JSON pair of bounds
    if _OR_JOIN.match(between) and first.value < second.value:
        return "or"
    if re.fullmatch(r"\s*,\s*", between) and first.value < _leading(second) <= 3 * first.value \
            and not _LIST_GOES_ON.match(text[second.end:]):
        return "or"  # "10, 15 people", "two, three million": one guess said twice
    return None


def _leading(quantity: Quantity) -> float:
    """A figure without the scale said after it: 3 in "three million" and in "3M"."""
    if quantity.scale:
        return quantity.raw
    return quantity.value / (quantity.magnitude or 1.0)


def _share_scale(low: Quantity, high: Quantity) -> Quantity:
    """A scale said once serves both ends: "1000 到 5000 万", "$5-40M", "two to three dozen",
    "between three and forty million"."""
    if low.scale is None and high.scale is not None and low.raw <= high.raw:
        factor = high.scale
    elif low.scale is None and high.scale is None and high.magnitude and not low.magnitude:
        factor = high.magnitude
        if low.value * factor > high.value:
            return low
    else:
        return low
    return replace(low, scale=factor, value=low.value * factor, low=low.least * factor,
                   high=low.most * factor)


def _as_range(low: Quantity, high: Quantity, currency: str | None) -> NumberRange:
    scaled = low.own_scale or high.own_scale
    if low.vague or high.vague:  # "几十人到三百人": only the clear end is a bound
        kind = "at_least" if high.vague else "at_most"
        return NumberRange(None if low.vague else low.least, None if high.vague else high.most,
                           low.start, high.end, currency, kind, scaled)
    return NumberRange(min=low.least, max=high.most, start=low.start, end=high.end,
                       currency=currency, scaled=scaled)


def find_ranges(text: str) -> list[NumberRange]:
    """Ranges ("50 to 200") and one-sided bounds ("under 50", "200+"), in text order.

    Percentages are left out: they are shares, not sizes. A figure that is itself a span
    ("三五十人", "forty or fifty") is a range of its own.
    """
    quantities = [q for q in find_quantities(text) if not q.percent]
    ranges: list[NumberRange] = []
    index = 0
    while index < len(quantities):
        first = quantities[index]
        second = quantities[index + 1] if index + 1 < len(quantities) else None
        join = _join(text, first, second) if second is not None else None
        if second is not None and join is not None:
            last = index + 1
            if join == "or" and last + 1 < len(quantities) and \
                    _join(text, second, quantities[last + 1]) == "to":
                last += 1  # "forty or fifty people, up to eight hundred": 40 to 800
            high = quantities[last]
            low = _share_scale(first, high)
            ranges.append(_as_range(low, high, low.currency or high.currency))
            index = last + 1
            continue
        if first.vague:
            pass
        elif first.bound == "at_most":
            ranges.append(NumberRange(None, first.most, first.start, first.end, first.currency,
                                      "at_most", first.own_scale))
        elif first.bound == "at_least":
            ranges.append(NumberRange(first.least, None, first.start, first.end, first.currency,
                                      "at_least", first.own_scale))
        elif first.least != first.most:  # "五六百人", "三五十家"
            ranges.append(NumberRange(first.least, first.most, first.start, first.end,
                                      first.currency, scaled=first.own_scale))
        index += 1
    return ranges


@dataclass(frozen=True)
class ParsedRange:
    """A span read as one range (or one-sided bound), in the span's own unit or in USD."""

    min: float | None
    max: float | None
    note: str = ""


def _first_range(text: str) -> NumberRange | None:
    """The first range or bound of a span; None when it holds only bare numbers."""
    found = find_ranges(text)
    return found[0] if found else None


def parse_count_range(text: str) -> ParsedRange | None:
    """A headcount range from a span ("50 to 300 people", "100 人以下"); None when no clear range."""
    found = _first_range(text)
    return None if found is None else ParsedRange(min=found.min, max=found.max)


def parse_money_range_usd(text: str, *, cny_per_usd: float) -> ParsedRange | None:
    """A money range in USD. A yuan marker, or Chinese units (万, 亿) with no dollar marker, mean
    CNY, converted at `cny_per_usd`; EUR and GBP at the fixed reference rates."""
    found = _first_range(text)
    if found is None:
        return None
    currency = found.currency or ("CNY" if re.search(r"[万亿]", text) else "USD")

    def convert(value: float | None) -> float | None:
        return None if value is None else (value if currency == "USD"
                                           else to_usd(value, currency, cny_per_usd))

    return ParsedRange(min=convert(found.min), max=convert(found.max),
                       note=conversion_note(currency, cny_per_usd) or "")


# One table cell holding a number ("1,200", "1.2m", "3亿"), for vectorised table cleaning: the
# same scale words as the text parser, as a regex that Polars (Rust regex) understands.
CELL_SCALES = {"k": 1e3, "thousand": 1e3, "千": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6,
               "million": 1e6, "百万": 1e6, "千万": 1e7, "万": 1e4, "b": 1e9, "bn": 1e9,
               "billion": 1e9, "亿": 1e8, "十亿": 1e9}
CELL_NUMBER = (r"^(?P<number>[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|[+-]?\.[0-9]+)"
               r"(?P<unit>k|thousand|千|mm|mn|million|m|百万|千万|万|bn|billion|b|十亿|亿)?$")
