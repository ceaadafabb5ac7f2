"""Company size and revenue as people write them in prose and chat, English and Chinese (issue 13
item 3): one table of phrasings for the parser, one for which field a figure belongs to, and
properties that hold for every number. Every sentence here was written for this test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icp_coach.engines.offline.extraction.firmographics import extract_sizes
from icp_coach.engines.offline.extraction.lines import Unit
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes
from icp_coach.text.numbers import find_quantities, find_ranges

M = 1_000_000

# (text, min, max): the first range or bound the parser reads; None for an open end.
RANGES = [
    # English number words, hedges and spoken ranges
    ("a couple hundred people up to maybe fifteen hundred", 200, 1500),
    ("a hundred and fifty-ish people up to maybe a couple thousand", 150, 2000),
    ("two to three dozen staff", 24, 36),
    ("a few dozen to a couple hundred employees", 36, 200),
    ("between three and forty million a year", 3 * M, 40 * M),
    ("between twenty and a hundred and fifty million dollars", 20 * M, 150 * M),
    ("two and a half million to ten million", 2.5 * M, 10 * M),
    ("a million and a half up to four million", 1.5 * M, 4 * M),
    ("half a million to 2 million in sales", 0.5 * M, 2 * M),
    ("anywhere from forty or fifty people, all the way up to about eight hundred", 40, 800),
    ("fifty-ish to a hundred people", 50, 100),
    ("ten to fifteen hundred staff", 1000, 1500),
    ("two to three hundred thousand", 200_000, 300_000),
    ("from 20 people to 300", 20, 300),
    ("from about 30 people, up to maybe 400 or so", 30, 400),
    ("somewhere around 1.5 to 2 thousand employees", 1500, 2000),
    ("twelve hundred to three thousand heads", 1200, 3000),
    ("eighty or ninety people", 80, 90),
    ("10-50 FTE", 10, 50),
    ("40- to 200-person firms", 40, 200),
    ("ten-to-fifty person shops", 10, 50),
    ("a seven-figure business", 1 * M, 10 * M),
    ("low eight figures in revenue", 10 * M, 30 * M),
    ("revenue: $5M–$20M ARR", 5 * M, 20 * M),
    ("$2.5m to $10m", 2.5 * M, 10 * M),
    ("€10M to €50M", 10 * M, 50 * M),
    ("$5 Million to $20 Million", 5 * M, 20 * M),
    ("revenue 5 mil to 20 mil", 5 * M, 20 * M),
    ("营收500w到3000w", 5 * M, 30 * M),
    ("50-300 kW of capacity", 50, 300),
    # English open ranges
    ("north of 50 million in revenue", 50 * M, None),
    ("not under 20 people", 20, None),
    ("never below 30 staff", 30, None),
    ("no more than sixty people", None, 60),
    ("up to maybe 5k staff", None, 5000),
    ("50 people or more", 50, None),
    ("500+ employees", 500, None),
    ("200 people tops", None, 200),
    ("upwards of 300 workers", 300, None),
    ("sub-$10M shops", None, 10 * M),
    ("the big ones top out around 150 million a year", None, 150 * M),
    ("as few as 15 people", 15, None),
    # Chinese numerals, approximations and spans
    ("从一百人左右到五百来人", 100, 500),
    ("三五十人到两百人", 30, 200),
    ("营收一到八个亿", 100 * M, 800 * M),
    ("年营业额两三千万到一个亿", 20 * M, 100 * M),
    ("员工一千人上下到五千人左右", 1000, 5000),
    ("十几人到一百人", 10, 100),
    ("二十几个人到八十人", 20, 80),
    ("两百多人到一千人出头", 200, 1000),
    ("五六百人", 500, 600),
    ("一两百人的规模", 100, 200),
    ("年收入 1000 万到 5000 万", 10 * M, 50 * M),
    ("1-5亿元", 100 * M, 500 * M),
    ("5000万-3亿", 50 * M, 300 * M),
    ("一亿五千万到三亿", 150 * M, 300 * M),
    ("一万五千人到三万人", 15_000, 30_000),
    ("3-5千万", 30 * M, 50 * M),
    ("五十到一百人之间", 50, 100),
    # Chinese open ranges
    ("百人以上", 100, None),
    ("千人规模以下", None, 1000),
    ("上千人的工厂", 1000, None),
    ("年营收千万级", 10 * M, 100 * M),
    ("百来人到五百人", 100, 500),
    ("千把人以下", None, 1000),
    ("一百来号人到三百号人", 100, 300),
    ("上百号人", 100, None),
    ("三十来人以内", None, 30),
    ("千人级企业", 1000, 10_000),
    ("营收过亿", 100 * M, None),
    ("年收入不到五千万", None, 50 * M),
    ("员工五十人以内", None, 50),
    ("三千万以上营收", 30 * M, None),
    ("不超过500人", None, 500),
    ("不低于20人", 20, None),
    ("至少两百人", 200, None),
    ("超过 500 人", 500, None),
]


@pytest.mark.parametrize(("text", "low", "high"), RANGES)
def test_spoken_and_written_ranges(text: str, low: float | None, high: float | None) -> None:
    found = find_ranges(text)
    assert found, f"no range in {text!r}"
    assert (found[0].min, found[0].max) == (low, high)


@pytest.mark.parametrize("text", [
    "许志远  11-18 09:40",  # a chat export's date and time
    "**Dana** 9:14 AM",
    "2024-11-18 的会议纪要",
    "30% to 40% of new customers",
    "几百家门店",  # vague: no bound to take
    "a couple of sites",
    "dozens of vans",
])
def test_dates_times_shares_and_vague_counts_are_no_range(text: str) -> None:
    assert find_ranges(text) == []


def _sizes(*lines: str, kind: str | None = "profile") -> tuple[tuple[float | None, float | None],
                                                            tuple[float | None, float | None]]:
    units = [Unit(line=i + 1, raw=t, text=t, body=t, kind=kind) for i, t in enumerate(lines)]
    sizes = extract_sizes(units, cny_per_usd=7.2)
    return ((sizes.employees.min, sizes.employees.max),
            (sizes.revenue_usd.min, sizes.revenue_usd.max))


NONE = (None, None)
# (notes lines, employees, revenue in USD; CNY at 7.2)
FIELDS = [
    (["Headcount runs from a hundred and fifty-ish people up to maybe a couple thousand, and "
      "revenue lands somewhere between twenty and a hundred and fifty million dollars a year."],
     (150, 2000), (20 * M, 150 * M)),
    (["Landscaping outfits doing between three and forty million a year, two to three dozen "
      "crew on the payroll."], (24, 36), (3 * M, 40 * M)),
    (["Freight brokers with 50 to 300 people; our ACV is $30k to $90k a year."],
     (50, 300), NONE),
    (["Deal size runs $40k-$120k, and the customer usually does $10M-$50M in revenue."],
     NONE, (10 * M, 50 * M)),
    (["Typical price is $500 to $2,000 a month."], NONE, NONE),
    (["They raised $5M to $20M in their Series A, about 40 to 120 staff."], (40, 120), NONE),
    (["Vet hospitals with 20 to 80 beds and 60 to 250 employees."], (60, 250), NONE),
    (["Fleet of 30 to 200 trucks."], NONE, NONE),
    (["Clinics that see 200 to 500 people a day."], NONE, NONE),
    (["They serve 5,000 to 50,000 people in their county."], NONE, NONE),
    (["Oil distributors moving 2 to 10 million barrels a year."], NONE, NONE),
    (["Revenue £8m – £60m, roughly $10m – $75m."], NONE, (10 * M, 75 * M)),
    (["Mid-size firms, 50 to 500 people.", "Skip anything under 20 people."], (50, 500), NONE),
    (["We don't bother with anything under 20 people."], (20, None), NONE),
    (["Not under 20 people, and nothing over 2,000."], (20, 2000), NONE),
    (["物流公司，员工从一百人左右到五百来人，营收一到八个亿。"], (100, 500),
     (13_888_889, 111_111_111)),
    (["三五十人到两百人的印刷厂最合适，年营业额两三千万到一个亿。"], (30, 200),
     (2_777_778, 13_888_889)),
    (["连锁药店，门店 20 到 80 家，员工三百到一千五百人。"], (300, 1500), NONE),
    (["客单价大概二十万一年，客户营收五千万到三亿。"], NONE, (6_944_444, 41_666_667)),
    (["年费 5 到 20 万。"], NONE, NONE),
    (["床位 100 到 500 张的民营医院。"], NONE, NONE),
    (["车辆 50 到 300 辆的物流车队。"], NONE, NONE),
    (["千人规模以上的不做。"], (None, 1000), NONE),
    (["服务两三千个用户的物业公司。"], NONE, NONE),
    (["许志远  11-18 09:40", "规模上一般是 80 到 400 人。"], (80, 400), NONE),
    (["连锁洗衣店，一家店员工四五十个，整个公司员工两百到两千人。"], (200, 2000), NONE),
    (["About 8 to 12 staff per location, 150 to 600 across the company."], (150, 600), NONE),
    (["工人五六百个的家具厂，年产值三到五个亿。"], (500, 600), (41_666_667, 69_444_444)),
    (["Think 10, 15 people, maybe up to 50 at the big end."], (10, 50), NONE),
    (["Doing maybe two, three million a year in revenue."], NONE, (2 * M, 3 * M)),
    (["They bring in $8-12M a year with a headcount of 60 to 90."], (60, 90), (8 * M, 12 * M)),
    (["Usually 5 to 25 million in annual sales, family-owned."], NONE, (5 * M, 25 * M)),
    (["Companies with revenues of about $50 million up to half a billion."], NONE,
     (50 * M, 500 * M)),
    (["They've got a couple thousand members and 30 to 40 staff."], (30, 40), NONE),
    (["客户一般十来个门店，店员加起来一百多人到三百人。"], (100, 300), NONE),
    (["我们的年费是三到八万，客户营收一般过亿。"], NONE, (13_888_889, None)),
    (["规模在百人到千人之间。"], (100, 1000), NONE),
    (["员工规模两百到一千，不要小于五十人的。"], (200, 1000), NONE),
    (["销售额 2-10 亿人民币，员工 300 人以上。"], (300, None), (27_777_778, 138_888_889)),
    (["Dental labs, skip anything under 20 people."], (20, None), NONE),
    (["Headcount starts at about 80 and goes up to maybe 600."], (80, 600), NONE),
    (["Teams of up to 200 people that don't have a CRM yet."], (None, 200), NONE),
    (["Under 30 people is too small for us."], (30, None), NONE),
    (["少于五十人的先不做。"], (50, None), NONE),
    (["The smallest ones are ~30 people, the biggest maybe 400."], (30, 400), NONE),
    (["最小的也有五十人，最大的一千人出头。"], (50, 1000), NONE),
    (["人数少的七八十，多的四五百。"], (70, 500), NONE),
    (["公司人数一般在两百人以上，一千人以下。"], (200, 1000), NONE),
    (["Anything from 50 people upward."], (50, None), NONE),
    (["营收规模大概在 3000 万到 2 亿元之间，人员 150-800 人。"], (150, 800),
     (4_166_667, 27_777_778)),
    (["Revenue anywhere from $3 million to $40 million."], NONE, (3 * M, 40 * M)),
    (["We charge $2-5k a month; the customers themselves are $20M-$100M businesses."],
     NONE, (20 * M, 100 * M)),
]


# Figures that are no firmographic, though the sentence speaks of people or money.
NOT_A_SIZE = [
    "Most have been in business 10 to 30 years and have 40 employees.",
    "It takes one to two weeks to onboard a team of 50 people.",
    "They see a 3-5x ROI in year one, say the people we talked to.",
    "We lose 20 to 30 hours a month per person on this.",
    "They have 2-4 people in finance and the company is about 300 people.",
    "Revenue per employee is $150k to $300k.",
    "They spend $50k-$200k a year on software.",
    "Pricing starts at $12k per year and we've closed deals up to $200k.",
    "Customers with 10,000 to 100,000 active users.",
    "一般三到五年换一次系统，员工都五十人左右。",
    "市场规模大概有两三百亿。",
    "单个项目合同额五十万到两百万。",
    "两百到五百个门店的连锁药店。",
    "Around one or two people do the scheduling by hand.",
    "一般三五个人负责调度。",
    "We usually close a seven-figure deal once a year.",
]


@pytest.mark.parametrize("line", NOT_A_SIZE)
def test_durations_prices_ratios_and_markets_are_no_size(line: str) -> None:
    assert _sizes(line) == (NONE, NONE)


@pytest.mark.parametrize(("lines", "employees", "revenue"), FIELDS)
def test_each_figure_goes_to_the_field_its_words_name(lines: list[str], employees: tuple,
                                                      revenue: tuple) -> None:
    assert _sizes(*lines) == (employees, revenue)


_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _english(n: int) -> str:
    """A number below a million in words, the way it is said ("two thousand and forty-five")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + (" and " + _english(rest) if rest else "")
    rest = n % 1000
    return _english(n // 1000) + " thousand" + (" " + _english(rest) if rest else "")


_ZH_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """A number below a hundred million in Chinese numerals ("三千零五", "一万二千")."""
    if n >= 10_000:
        rest = n % 10_000
        return _chinese(n // 10_000) + "万" + (("零" if rest < 1000 else "") + _chinese(rest)
                                               if rest else "")
    out, zero = "", False
    for unit, char in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // unit % 10
        if digit:
            out += ("零" if zero and out else "") + _ZH_DIGITS[digit] + char
            zero = False
        else:
            zero = True
    return "十" + out[2:] if 10 <= n < 20 else out  # "十五", not "一十五"


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=999_999))
def test_any_number_in_english_words_reads_back(n: int) -> None:
    [quantity] = find_quantities(f"about {_english(n)} people")
    assert quantity.value == n


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=99_999_999))
def test_any_number_in_chinese_numerals_reads_back(n: int) -> None:
    [quantity] = find_quantities(f"大约{_chinese(n)}人")
    assert quantity.value == n


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=2, max_value=5000), st.integers(min_value=1, max_value=5000),
       st.sampled_from(["{a} to {b} people", "between {a} and {b} staff", "{a}-{b} employees",
                        "from {a} people up to maybe {b}", "{a}到{b}人", "员工{a}至{b}名"]))
def test_any_written_range_reads_back(a: int, extra: int, template: str) -> None:
    b = a + extra
    [found] = find_ranges(template.format(a=f"{a:,}" if "people" in template else a, b=b))
    assert (found.min, found.max) == (a, b)


@pytest.mark.parametrize(("notes", "employees", "revenue"), [
    ("# 画像\n\n## 目标客户\n- 华东的汽修连锁，营收过亿，整个公司三百到两千人\n\n## 不做\n- 千人以上的集团\n",
     (300, 2000), (13_888_889, None)),
    ("# ICP\n\nmaya: sweet spot is a couple hundred people up to maybe fifteen hundred\n"
     "joe: and they do north of 50 million a year, our deals are 20-40k\n",
     (200, 1500), (50 * M, None)),
])
def test_notes_read_end_to_end(notes: str, employees: tuple, revenue: tuple) -> None:
    firmo = extract_notes(notes, OfflineExtractor(7.2, use_embeddings=False)).document.firmographics
    assert (firmo.employees.min, firmo.employees.max) == employees
    assert (firmo.annual_revenue_usd.min, firmo.annual_revenue_usd.max) == revenue
