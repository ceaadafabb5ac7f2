"""Size figures by the ways notes get them wrong, English and Chinese: a floor or cap moved
later (a dated update, a comment, a changelog, "raised to", "narrowed", 改成, 收窄, 上调), an upper
bound added later, ranges said loosely in speech, a single-sided bound left open ("or more", "no
ceiling", 以上), small numbers that are no headcount (scores, IDs, sites, machines), money that
is a deal or a gloss, and ranges of Chinese approximate numbers (五六百). Every line was written
for this test; `notes_figures_classes/` holds 34 whole notes of the same classes (scored once
before the fixes: 124/136 bounds, 91%)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

HERE = Path(__file__).parent
NOTES = HERE / "notes_figures_classes"
AFTER = HERE / "notes_figures_classes_after"  # written after the fixes, scored once
# Notes the engine still reads wrong, with why (strict: a fix makes the test say so).
XFAIL: dict[str, str] = {}
Bounds = tuple[int | None, int | None, int | None, int | None]
# A profile line the later lines amend (revenue in USD; CNY at 7.2 per USD).
EN = "- Who: tile installers, 10-80 employees, $1M-$8M revenue\n"
ZH = "- 目标：瓷砖铺贴公司，员工 10-80 人，年营收 500 万-5000 万\n"

# A later figure wins: a dated update, a comment, a changelog, a change verb, an arrow.
LATER_CORRECTIONS: list[tuple[str, Bounds]] = [
    ('Sign shops with 10-90 people.\n\nAfter the pilot: 25 is the new floor.',
     (25, 90, None, None)),
    ('Sign shops with 10-90 people.\n\nPilot learnings: shops under 25 people never used the scheduler. Floor → 25.',
     (25, 90, None, None)),
    ('Sign shops with 10-90 people.\n- 2026-11-02: 25+ only',
     (25, 90, None, None)),
    ('Sign shops with 10-90 people.\nUpdate: shops with fewer than 25 people are out.',
     (25, 90, None, None)),
    ('Sign shops with 10-90 people.\nRevised: minimum headcount 25.',
     (25, 90, None, None)),
    ('标识制作公司，员工 10-90 人。\n更新：25 人以下的不做了。',
     (25, 90, None, None)),
    ('标识制作公司，员工 10-90 人。\n后来发现 25 人以下的用不起来，下限定 25 人。',
     (25, 90, None, None)),
    ('标识制作公司，员工 10-90 人。\n（11/3 更新：只做 25 人以上的）',
     (25, 90, None, None)),
    ('- Who: kennels, 10-80 employees, $1M-$8M revenue\n- Update (Oct 3): floor raised to 20 employees',
     (20, 80, 1000000, 8000000)),
    ('- Who: kennels, 10-80 employees, $1M-$8M revenue\n- Oct 3: changed the minimum to 20 employees',
     (20, 80, 1000000, 8000000)),
    ('- Who: kennels, 10-80 employees, $1M-$8M revenue\n- Comment (Ann): narrowed headcount to 20-60',
     (20, 60, 1000000, 8000000)),
    ('- Who: kennels, 10-80 employees, $1M-$8M revenue\n- Comment: we should add a cap of 50 employees',
     (10, 50, 1000000, 8000000)),
    ('- Who: kennels, 10-80 employees, $1M-$8M revenue\n- Later: top end is 60 people, not 80',
     (10, 60, 1000000, 8000000)),
    ('- Who: kennels, 10-80 employees, $1M-$8M revenue\n- Update: revenue ceiling lowered to $6M',
     (10, 80, 1000000, 6000000)),
    ('- Who: kennels, 10-80 employees, $1M-$8M revenue\n- Update: revenue now $2M-$8M',
     (10, 80, 2000000, 8000000)),
    ('- Who: kennels, 10-80 employees. Revenue $1M-$8M.\n\nChangelog\n- 2026-10-01: employee floor 10 -> 25',
     (25, 80, 1000000, 8000000)),
    ('Who: kennels with 10-80 employees and $1M-$8M revenue.\n\nEdit 10/12: bump the lower end to 15 staff.',
     (15, 80, 1000000, 8000000)),
    ('- 目标：宠物寄养，员工 10-80 人，年营收 500 万-5000 万\n- 更新（10/3）：人数下限改成 20 人',
     (20, 80, 694444, 6944444)),
    ('- 目标：宠物寄养，员工 10-80 人，年营收 500 万-5000 万\n- 评论：下限上调到 20 人',
     (20, 80, 694444, 6944444)),
    ('- 目标：宠物寄养，员工 10-80 人，年营收 500 万-5000 万\n- 评论：人数收窄到 20-60 人',
     (20, 60, 694444, 6944444)),
    ('- 目标：宠物寄养，员工 10-80 人，年营收 500 万-5000 万\n- 补充：加个上限，50 人封顶',
     (10, 50, 694444, 6944444)),
    ('- 目标：宠物寄养，员工 10-80 人，年营收 500 万-5000 万\n- 10/5 变更：营收上限改为 3000 万',
     (10, 80, 694444, 4166667)),
    ('- 目标：宠物寄养，员工 10-80 人，年营收 500 万-5000 万\n- 10/5 变更：营收下限上调至 1000 万',
     (10, 80, 1388889, 6944444)),
    ('- 目标：宠物寄养，员工 10-80 人，年营收 500 万-5000 万\n- 更新：人数改成 30 人以上',
     (30, 80, 694444, 6944444)),
    (EN + '- Headcount: ~~10-80~~ 20-80',
     (20, 80, 1000000, 8000000)),
    (EN + '- Final: 20-80 employees',
     (20, 80, 1000000, 8000000)),
    (EN + "- EDIT: we're now saying 25 to 80 employees",
     (25, 80, 1000000, 8000000)),
    (EN + "- Comment from Jo: I'd go 20 minimum.",
     (20, 80, 1000000, 8000000)),
    (EN + "- Actually, let's say at least 20 employees.",
     (20, 80, 1000000, 8000000)),
    (EN + '- narrowed to 20-60 employees after the pilot',
     (20, 60, 1000000, 8000000)),
    (EN + '- changed to 20-60 people (was 10-80)',
     (20, 60, 1000000, 8000000)),
    (EN + '- revenue floor: $1M → $3M',
     (10, 80, 3000000, 8000000)),
    (EN + '- Update: the employee floor went from 10 to 20',
     (20, 80, 1000000, 8000000)),
    (EN + '- Update: we lowered the revenue cap from $8M to $6M',
     (10, 80, 1000000, 6000000)),
    (EN + '- Later we added a ceiling: nothing above 60 employees.',
     (10, 60, 1000000, 8000000)),
    (EN + '- Update: cap at 60 staff.',
     (10, 60, 1000000, 8000000)),
    (EN + '- 3/14: min headcount is 20 now',
     (20, 80, 1000000, 8000000)),
    (ZH + '- 修改为：员工 20-80 人',
     (20, 80, 694444, 6944444)),
    (ZH + '- 最终版：员工 20-60 人',
     (20, 60, 694444, 6944444)),
    (ZH + '- 员工下限：10 → 20',
     (20, 80, 694444, 6944444)),
    (ZH + '- 更新：人数下限从 10 人上调到 20 人',
     (20, 80, 694444, 6944444)),
    (ZH + '- 补充：上限 60 人。',
     (10, 60, 694444, 6944444)),
    (ZH + '- 后来加了个上限：营收不超过 3000 万',
     (10, 80, 694444, 4166667)),
    (ZH + '- 张总批注：下限提到 20 人',
     (20, 80, 694444, 6944444)),
    (ZH + '- 11月5日更新：营收下限 1000 万',
     (10, 80, 1388889, 6944444)),
    ('Sign shops, 25 to 90 people. Started at 10 but raised the floor after the pilot.',
     (25, 90, None, None)),
    ("The floor used to be 10 people; now it's 25. Top stays at 90.",
     (25, 90, None, None)),
    ('以前按 30 人起，后来改成 80 人起，上限 600 人。',
     (80, 600, None, None)),
]

# An upper bound said after a floor-only profile.
UPPER_BOUND_ADDED: list[tuple[str, Bounds]] = [
    ('Profile: kennels with at least 12 employees, $1M-$8M revenue.\nUpdate: and no more than 90 employees.',
     (12, 90, 1000000, 8000000)),
    ('Profile: kennels with at least 12 employees, $1M-$8M revenue.\nUpdate: cap set at 90 employees.',
     (12, 90, 1000000, 8000000)),
    ('画像：宠物寄养，员工 12 人以上，年营收 500 万-5000 万。\n补充：不超过 90 人。',
     (12, 90, 694444, 6944444)),
]

# Ranges said loosely, as people talk ("around X up to maybe Y", "X上下到Y").
SPOKEN_RANGES: list[tuple[str, Bounds]] = [
    ("So it's kennels, around 20 people up to maybe 150, revenue around three million up to maybe twenty-five million.",
     (20, 150, 3000000, 25000000)),
    ('Kennels from like forty people, maybe up to three hundred, and they do somewhere between two and ten million a year.',
     (40, 300, 2000000, 10000000)),
    ('宠物寄养，人嘛，五六百上下到两千左右吧，营收三个亿上下到二十个亿。',
     (500, 2000, 41666667, 277777778)),
    ('宠物寄养，员工一百上下到四五百人，一年大概五千万上下到两个亿。',
     (100, 500, 6944444, 27777778)),
    ('宠物寄养，员工八十人左右到三百人，营收三千万上下到两个亿。',
     (80, 300, 4166667, 27777778)),
    ('Tile installers, anywhere from, like, twenty up to maybe a hundred fifty people, doing a few million up to twenty-five million or so.',
     (20, 150, 3000000, 25000000)),
    ('Tile installers somewhere in the 20 to 150 person range, revenue of, call it, three to twenty-five million.',
     (20, 150, 3000000, 25000000)),
    ('Tile installers, twenty-ish to a hundred-fifty-ish employees.',
     (20, 150, None, None)),
    ('瓷砖铺贴公司，一两百人上下到五百来人。',
     (100, 500, None, None)),
    ('瓷砖铺贴公司，规模大概在三五十人到一两百人。',
     (30, 200, None, None)),
    ('瓷砖铺贴公司，人大概四十左右，多的到两百。',
     (40, 200, None, None)),
    ('瓷砖铺贴公司，营收嘛，三千万上下，大的能到两个亿。',
     (None, None, 4166667, 27777778)),
    ('Q: How big are they?\nA: Mostly fifty to four hundred people. Revenue-wise, fifteen to a hundred and fifty million.',
     (50, 400, 15000000, 150000000)),
    ('**Q: What size?**\nUsually 50 to 400 heads; $15M to $150M top line.',
     (50, 400, 15000000, 150000000)),
    ('Founder: honestly the sweet spot is companies with fifty to four hundred employees doing fifteen to one-fifty million.',
     (50, 400, 15000000, 150000000)),
    ('规模的话，两百来人到一千六百人都有；营收一个亿到九个亿吧。',
     (200, 1600, 13888889, 125000000)),
    ('嗯……他们一般两百人出头，大的一千六百人，营收一亿到九亿。',
     (200, 1600, 13888889, 125000000)),
    ("[02:14] they're typically somewhere between eight and a hundred and twenty employees",
     (8, 120, None, None)),
    ('So, size. Eight people on the small end, a hundred twenty on the big end.',
     (8, 120, None, None)),
]

# A side left open ("no ceiling", 不设上限) stays open; without such words the largest customer
# named is the top end.
ONE_SIDED: list[tuple[str, Bounds]] = [
    ('Kennels with 25 employees or more. Revenue from $8M, no ceiling.',
     (25, None, 8000000, None)),
    ('Kennels with 50+ employees (no upper limit) and revenue above $10M.',
     (50, None, 10000000, None)),
    ('Headcount: 30+ employees.\nRevenue: $5M or more, no ceiling - the biggest one we met does $90M.',
     (30, None, 5000000, None)),
    ('How many employees? 20 or more. No real upper end, the biggest has 900.',
     (20, None, None, None)),
    ('员工人数：200 人以上，不设上限\n年营收：1 亿元以上',
     (200, None, 13888889, None)),
    ('员工 50 人以上；营收 3 亿以上，没有上限。',
     (50, None, 41666667, None)),
    ('Revenue: $3M and up; headcount 15 minimum, no max.',
     (15, None, 3000000, None)),
    ('Tile installers with 100+ employees, any revenue.',
     (100, None, None, None)),
    ('Tile installers doing anything from $10M up.',
     (None, None, 10000000, None)),
    ("Tile installers at $10M revenue at least, sky's the limit.",
     (None, None, 10000000, None)),
    ('瓷砖铺贴公司，千人以上规模。',
     (1000, None, None, None)),
    ('瓷砖铺贴公司，年营收过亿。',
     (None, None, 13888889, None)),
    ('瓷砖铺贴公司，营收 5000 万起。',
     (None, None, 6944444, None)),
    ('Tile installers: no minimum headcount, but under 200 employees.',
     (None, 200, None, None)),
    ('Tile installers with 40 or more employees; the largest we work with has 2,000.',
     (40, 2000, None, None)),
    ('瓷砖铺贴公司，员工 50 人以上，最大的客户有三千人。',
     (50, 3000, None, None)),
]

# Small numbers that count something else: scores, IDs, sites, machines, crews, jobs.
OTHER_COUNTS: list[tuple[str, Bounds]] = [
    ('- 员工 80 人以上\n- 售后工程师 10-40 人',
     (80, None, None, None)),
    ('Field service firms with 50+ employees; a field team of 20-60 techs.',
     (50, None, None, None)),
    ('Actually make it 20-60 employees.',
     (20, 60, None, None)),
    ('- Staff: up to 60\n- Must have at least 1 full-time audiologist\n- Floor: 12 staff',
     (12, 60, None, None)),
    ('Clinics with up to 60 staff, at least one licensed audiologist, minimum 12 employees.',
     (12, 60, None, None)),
    ('- Up to 120 employees\n- 2+ sheets of ice\n- at least 15 employees',
     (15, 120, None, None)),
    ('Rinks: 2 or more sheets, 15-120 employees.',
     (15, 120, None, None)),
    ('Employees: max 120. They need 2+ zamboni drivers. Minimum 15 staff overall.',
     (15, 120, None, None)),
    ('Headcount under 120; 8+ technicians in the field; 12 employees minimum.',
     (12, 120, None, None)),
    ('At least 2 crews, at least 12 employees, no more than 90 employees.',
     (12, 90, None, None)),
    ('OA 审批单\n审批编号：2026-118\u3000优先级：3\n员工人数：200-800 人\n年营收：1-5 亿元',
     (200, 800, 13888889, 69444444)),
    ('Ticket GTM-212, story points: 5, priority P2\nSegment: kennels with 30-300 staff and $2M-$25M revenue.',
     (30, 300, 2000000, 25000000)),
    ('Kennels with 20-80 employees, $2M-$9M revenue. They carry 10 to 40 excavators and 3-8 loaders.',
     (20, 80, 2000000, 9000000)),
    ('Kennels, 50+ employees, revenue above $10M. They run 10 to 40 kennels runs and 5-12 vans.',
     (50, None, 10000000, None)),
    ('Kennels with 50+ employees and revenue above $10M. They bid on $2M-$20M projects.',
     (50, None, 10000000, None)),
    ("Fit score 1-5; today's average was 4. Good ones: 5 to 30 staff, doing $500K to $3M a year.",
     (5, 30, 500000, 3000000)),
    ('打分规则：每家 1-10 分。理想客户：员工 40-200 人，年销售额 5000 万到 4 亿，门店 5-30 家。',
     (40, 200, 6944444, 55555556)),
    ('评分 8 分，NPS 45。\n客户：员工 20-120 人，年营收 2000 万-1.5 亿，每年 300-800 个职位。',
     (20, 120, 2777778, 20833333)),
    ('Kennels with 20-80 employees. Grade 7/10 on fit, 3 of 5 points on urgency.',
     (20, 80, None, None)),
    ('Kennels with 12-40 employees, 3-10 sites, 2 to 6 vans.',
     (12, 40, None, None)),
    ('Tile installers that run 3-5 sites and 20-40 trucks; 50-200 employees.',
     (50, 200, None, None)),
    ('Rated 4/5. Tile installers with 30-120 staff.',
     (30, 120, None, None)),
    ('Scored 7 of 10. Tile installers, 30-120 employees.',
     (30, 120, None, None)),
    ('They have 2-6 production lines and 40-200 employees.',
     (40, 200, None, None)),
    ('每家 2-6 条产线，员工 40-200 人。',
     (40, 200, None, None)),
    ('得分 85 分；员工 40-200 人。',
     (40, 200, None, None)),
    ('覆盖 3-5 个城市，员工 40-200 人。',
     (40, 200, None, None)),
    ('设备 20-50 台，员工 40-200 人。',
     (40, 200, None, None)),
    ('Tile installers with 5-15 crews and 40-200 employees.',
     (40, 200, None, None)),
    ('Tile installers: 12-30 jobs a week, 40-200 employees.',
     (40, 200, None, None)),
    ('Tile installers. Fit score 3-5 out of 5. 40-200 employees.',
     (40, 200, None, None)),
    ('瓷砖铺贴公司，每月 30-80 单，员工 40-200 人。',
     (40, 200, None, None)),
    ('Headcount 25-150; we tried 10-person shops and they churned.',
     (25, 150, None, None)),
    ('Employees: 15-120. Most have 2 or 3 rinks and 4-6 zambonis.',
     (15, 120, None, None)),
    ('Clinics with 12-60 staff; 1-3 audiologists per clinic; 2 locations average.',
     (12, 60, None, None)),
    ('员工 30-40 人的厂我们试过，不行；要 80 到 600 人的。',
     (80, 600, None, None)),
]

# Money that is a deal, a price or a gloss of the revenue in another currency.
MONEY: list[tuple[str, Bounds]] = [
    ('Revenue $5M-$50M (≈ ¥36M-¥360M).',
     (None, None, 5000000, 50000000)),
    ('营收 5000 万-3 亿（约合 700-4200 万美元）',
     (None, None, 7000000, 42000000)),
    ('Revenue: 5-50M (USD)',
     (None, None, 5000000, 50000000)),
    ('Revenue ~ €10M-€80M (~$11M-$86M)',
     (None, None, 11000000, 86000000)),
    ('turnover £8m–£60m ($10m–$75m)',
     (None, None, 10000000, 75000000)),
    ('revenue $5M-$50M, i.e. 3,600万-3.6亿元',
     (None, None, 5000000, 50000000)),
    ('$5-50M rev; ACV $15-40k',
     (None, None, 5000000, 50000000)),
    ('Revenue $800k-$6M (≈ ¥5.8M-¥43M).',
     (None, None, 800000, 6000000)),
    ('revenue of 5 to 50 million dollars (35 to 360 million yuan)',
     (None, None, 5000000, 50000000)),
    ('They pay $15k-$40k a year, revenue $5M-$50M.',
     (None, None, 5000000, 50000000)),
    ('$5M-$50M customers, $20k-$60k deals.',
     (None, None, 5000000, 50000000)),
    ('Revenue $5M-$50M; average contract $25k.',
     (None, None, 5000000, 50000000)),
    ('我们的客单价 8-20 万，他们年营收 5000 万-5 亿。',
     (None, None, 6944444, 69444444)),
    ('Deal sizes from $20k to $80k for companies doing $5M to $50M.',
     (None, None, 5000000, 50000000)),
    ('We charge 2-3% of their revenue, which is $5M-$50M.',
     (None, None, 5000000, 50000000)),
    ('Budget for tools is $50k-$150k; revenue $5M-$50M.',
     (None, None, 5000000, 50000000)),
    ('营收 5000 万-5 亿，软件预算一年 20-50 万。',
     (None, None, 6944444, 69444444)),
    ('ACV: $18k-$45k\nRevenue: $5M-$50M',
     (None, None, 5000000, 50000000)),
    ('Deal size $18k-$45k ACV (their revenue is $5M-$50M)',
     (None, None, 5000000, 50000000)),
    ('ARR per account $18k-$45k. Accounts: $5M-$50M revenue, 40-300 employees.',
     (40, 300, 5000000, 50000000)),
    ('Our ARR: $2.4M. Target customers: $5M-$50M revenue.',
     (None, None, 5000000, 50000000)),
    ('合同金额 30-80 万；客户年营收 1-10 亿；员工 200-2000 人。',
     (200, 2000, 13888889, 138888889)),
    ('项目额 200-500 万，客户产值 2-20 亿。',
     (None, None, 27777778, 277777778)),
    ('年营收 2-20 亿（美元口径约 2800 万-2.8 亿）',
     (None, None, 28000000, 280000000)),
    ("Revenue (USD): 5M-50M; in RMB that's 36M-360M.",
     (None, None, 5000000, 50000000)),
    ('Revenue $5M-$50M. Ticket size $500-$2,000 per job.',
     (None, None, 5000000, 50000000)),
    ('Revenue $5M-$50M, EBITDA $0.5M-$5M.',
     (None, None, 5000000, 50000000)),
    ('营收 1-10 亿，净利润 1000-5000 万。',
     (None, None, 13888889, 138888889)),
    ("They're doing $5M-$50M and raised $2M-$10M seed/Series A.",
     (None, None, 5000000, 50000000)),
    ("Kennels doing $20M-$120M a year (that's roughly €18M-€110M for the EU folks), 60-400 employees.",
     (60, 400, 20000000, 120000000)),
    ('Revenue £8m-£60m (about $10m-$75m), 40-300 staff.',
     (40, 300, 10000000, 75000000)),
    ('年营收 2-8 亿元人民币（约 2800 万-1.1 亿美元），员工 300-1500 人。',
     (300, 1500, 28000000, 110000000)),
    ('Deal size is usually $40k-$90k ACV. Our customers gross $5M-$50M a year and employ 40 to 300 people.',
     (40, 300, 5000000, 50000000)),
    ('Customers: 40 to 300 employees, $5M-$50M revenue. ACV $24k-$60k; contracts $100k-$400k over three years.',
     (40, 300, 5000000, 50000000)),
    ('客户：员工 50-300 人，营收 1-5 亿。合同额一般 50-200 万，客单价 10-30 万。',
     (50, 300, 13888889, 69444444)),
    ('Kennels with $5M-$50M in revenue (ARR for us per account: $20k-$60k) and 40-300 staff.',
     (40, 300, 5000000, 50000000)),
    ('Revenue ¥50M-¥300M (~$7M-$42M), 40-200 staff.',
     (40, 200, 7000000, 42000000)),
    ('年营收 5000 万-3 亿元（约 700 万-4200 万美元），员工 40-200 人。',
     (40, 200, 7000000, 42000000)),
    ('ACV of $20k-$50k for firms with $5M-$50M revenue.',
     (None, None, 5000000, 50000000)),
    ('They spend $50k-$200k a year on software; revenue $10M-$80M.',
     (None, None, 10000000, 80000000)),
    ('Revenue $10M-$80M (their GMV is 3x that).',
     (None, None, 10000000, 80000000)),
    ('客单价 5-20 万，客户年营收 1-5 亿。',
     (None, None, 13888889, 69444444)),
    ('Avg deal $30k; our customers do $5M-$50M a year.',
     (None, None, 5000000, 50000000)),
    ('Contracts run $100k-$500k. Customer revenue: $20M-$200M.',
     (None, None, 20000000, 200000000)),
    ('Revenue: $5M-$50M (about €4.6M-€46M).',
     (None, None, 5000000, 50000000)),
    ("Revenue $2.5M-$20M. Note: don't count the $500k management fee.",
     (None, None, 2500000, 20000000)),
    ('Revenue $2.5M to $20M (not $20.5M - that was a typo).',
     (None, None, 2500000, 20000000)),
]

# Ranges written with Chinese approximate numbers (五六百, 三四千万).
CHINESE_APPROXIMATE: list[tuple[str, Bounds]] = [
    ('宠物寄养，五六百人到两三千人。',
     (500, 3000, None, None)),
    ('宠物寄养，员工三四百人到一千五百人，营收两三亿到十亿。',
     (300, 1500, 27777778, 138888889)),
    ('宠物寄养，员工三五百人到两千人，年产值 2 亿以上。',
     (300, 2000, 27777778, None)),
    ('宠物寄养，一般五六百人，营收三四个亿。',
     (500, 600, 41666667, 55555556)),
    ('宠物寄养，五六百号人，七八千万营收。',
     (500, 600, 9722222, 11111111)),
    ('瓷砖铺贴公司，七八十人到两三百人。',
     (70, 300, None, None)),
    ('瓷砖铺贴公司，一两千人。',
     (1000, 2000, None, None)),
    ('瓷砖铺贴公司，营收三四千万到一两个亿。',
     (None, None, 4166667, 27777778)),
    ('瓷砖铺贴公司，五六百到一千来人。',
     (500, 1000, None, None)),
    ('瓷砖铺贴公司，员工三四十到七八十。',
     (30, 80, None, None)),
    ('瓷砖铺贴公司，营收七八千万。',
     (None, None, 9722222, 11111111)),
    ('瓷砖铺贴公司，员工两三百，营收五六千万到一个亿。',
     (200, 300, 6944444, 13888889)),
]

# Q&A, voice, CRM fields and tables, stated as they come.
LAYOUTS: list[tuple[str, Bounds]] = [
    ('Practices with 8 to 120 people on staff.',
     (8, 120, None, None)),
    ('Staffed by 8-120 people.',
     (8, 120, None, None)),
    ('Between 8 and 120 team members.',
     (8, 120, None, None)),
    ('A headcount of 8 to 120.',
     (8, 120, None, None)),
    ('8 – 120 employees',
     (8, 120, None, None)),
    ('8—120 staff',
     (8, 120, None, None)),
    ('Size (employees): 8 to 120',
     (8, 120, None, None)),
    ('老师 30-130 人',
     (30, 130, None, None)),
    ('教职员工 30～130 名',
     (30, 130, None, None)),
    ('在编人员 30 到 130 人',
     (30, 130, None, None)),
    ('规模：30-130 名员工',
     (30, 130, None, None)),
    ('人员 30-130',
     (30, 130, None, None)),
    ('员工数 30 至 130',
     (30, 130, None, None)),
    ('30-130 人规模',
     (30, 130, None, None)),
    ('Practices: 8-120 FTEs across 1-6 locations.',
     (8, 120, None, None)),
    ('We like groups of 8-120 people.',
     (8, 120, None, None)),
    ('They range from 8 to 120 employees.',
     (8, 120, None, None)),
    ('Small to mid: 8 staff at the low end, 120 at the high end.',
     (8, 120, None, None)),
    ('年营收 1000 万～9000 万',
     (None, None, 1388889, 12500000)),
    ('营收规模 1000-9000 万元',
     (None, None, 1388889, 12500000)),
    ('年收入一千万到九千万',
     (None, None, 1388889, 12500000)),
    ('Annual revenue of 15 to 150 million USD',
     (None, None, 15000000, 150000000)),
    ('Revenue: USD 15M – 150M',
     (None, None, 15000000, 150000000)),
    ('$15–150M in revenue',
     (None, None, 15000000, 150000000)),
    ('Revenue: 15M-150M',
     (None, None, 15000000, 150000000)),
    ('## Sweet spot: 50-400 employees, $15M-$150M revenue\n\n- Pains: scheduling',
     (50, 400, 15000000, 150000000)),
    ('### 200–1,600 人，营收 1–9 亿\n\n- 痛点：排班',
     (200, 1600, 13888889, 125000000)),
    ('| Employees | Revenue |\n|---|---|\n| 50-400 | $15M-$150M |',
     (50, 400, 15000000, 150000000)),
    ('| 员工 | 年营收 |\n|---|---|\n| 200-1600 人 | 1-9 亿 |',
     (200, 1600, 13888889, 125000000)),
    ('Must-haves\n- 50 to 400 employees\n- $15M-$150M revenue\n\nNice to have\n- Uses Excel',
     (50, 400, 15000000, 150000000)),
    ('ICP = 50-400 emp / $15-150M rev',
     (50, 400, 15000000, 150000000)),
    ('emp: 50-400 | rev: 15-150M',
     (50, 400, 15000000, 150000000)),
    ('规模：200-1600人/年营收1-9亿',
     (200, 1600, 13888889, 125000000)),
    ('人数 200-1600，营收 1-9 个亿',
     (200, 1600, 13888889, 125000000)),
    ('员工规模在两百到一千六之间，年营收一到九个亿。',
     (200, 1600, 13888889, 125000000)),
    ('公司规模 200~1600 人，营业额 1 亿~9 亿元。',
     (200, 1600, 13888889, 125000000)),
    ('Companies of 50-400 people and USD 15-150 million in revenue.',
     (50, 400, 15000000, 150000000)),
    ('50-400 FTEs; revenue in the $15M-$150M band.',
     (50, 400, 15000000, 150000000)),
    ("They're mid-sized: 50 to 400 staff, $15 to $150 million.",
     (50, 400, 15000000, 150000000)),
    ('> Size: 50-400 employees\n> Revenue: $15M-$150M',
     (50, 400, 15000000, 150000000)),
    ('1. Employees: 50-400\n2. Revenue: $15M-$150M',
     (50, 400, 15000000, 150000000)),
    ('- [ ] confirm size: 50-400 employees, $15M-$150M',
     (50, 400, 15000000, 150000000)),
    ('Target (per Dana): 50-400 employees; $15M-$150M.',
     (50, 400, 15000000, 150000000)),
    ('TL;DR — 50-400 employees, $15M-$150M revenue, Midwest.',
     (50, 400, 15000000, 150000000)),
    ('结论：客户员工 200-1600 人、年营收 1-9 亿元，华东优先。',
     (200, 1600, 13888889, 125000000)),
    ('画像一句话：两百到一千六百人，年收入一到九个亿的连锁。',
     (200, 1600, 13888889, 125000000)),
    ('目标客户\n员工：200-1600\n营收：1-9亿\n区域：华东',
     (200, 1600, 13888889, 125000000)),
    ('Headcount\n50-400\n\nRevenue\n$15M-$150M',
     (50, 400, 15000000, 150000000)),
    ('Employees — 50 to 400. Revenue — $15M to $150M.',
     (50, 400, 15000000, 150000000)),
    ('员工数：300~1500\n年营收（万元）：1500-12000',
     (300, 1500, 2083333, 16666667)),
    ('客户规模：教职工 300-1500 人',
     (300, 1500, None, None)),
    ('| 字段 | 内容 |\n|---|---|\n| 员工 | 10～130 人 |\n| 年营收 | 200-1200 万 |',
     (10, 130, 277778, 1666667)),
    ('目标：中型连锁，门店 20-200 家，员工 200-1600 人，年营收 1-9 亿。',
     (200, 1600, 13888889, 125000000)),
    ('Target: operators with 60+ employees and $8M-$90M in revenue.',
     (60, None, 8000000, 90000000)),
    ('Fleet size 10-40 rigs. Revenue $8M to $90M. Headcount 60 or more.',
     (60, None, 8000000, 90000000)),
    ('They bill $8M-$90M a year and employ at least 60 people.',
     (60, None, 8000000, 90000000)),
    ('Size: 12-80 staff (FTE). Revenue: 0.75M-6M USD.',
     (12, 80, 750000, 6000000)),
    ('Revenue: $750K-$6M. Staff: 12 to 80.',
     (12, 80, 750000, 6000000)),
    ('Revenue between $750k and $6m; they have between 12 and 80 employees.',
     (12, 80, 750000, 6000000)),
    ('网吧连锁：年营收 150 万到 1200 万，单店 5-15 人。',
     (None, None, 208333, 1666667)),
    ('年流水 150-1200 万元，员工 20-100 人。',
     (20, 100, 208333, 1666667)),
    ('营收：一百五十万到一千二百万',
     (None, None, 208333, 1666667)),
    ('营收在一百五十万至一千两百万之间',
     (None, None, 208333, 1666667)),
]


_ALL = {name: table for name, table in (
    ("later corrections", LATER_CORRECTIONS), ("upper bound added", UPPER_BOUND_ADDED),
    ("spoken ranges", SPOKEN_RANGES), ("one-sided", ONE_SIDED), ("other counts", OTHER_COUNTS),
    ("money", MONEY), ("chinese approximate", CHINESE_APPROXIMATE), ("layouts", LAYOUTS))}
RULES = OfflineExtractor(7.2, use_embeddings=False)


def _bounds(text: str, extractor: OfflineExtractor) -> Bounds:
    firmo = extract_notes(f"# ICP notes\n\n{text}", extractor).document.firmographics
    values = (firmo.employees.min if firmo.employees else None,
              firmo.employees.max if firmo.employees else None,
              firmo.annual_revenue_usd.min if firmo.annual_revenue_usd else None,
              firmo.annual_revenue_usd.max if firmo.annual_revenue_usd else None)
    return tuple(None if v is None else round(v) for v in values)  # type: ignore[return-value]


def test_the_table_covers_every_class_in_both_languages() -> None:
    for name, table in _ALL.items():
        chinese = [any("\u4e00" <= ch <= "\u9fff" for ch in text) for text, _ in table]
        assert any(chinese), name
        assert not all(chinese) or name == "chinese approximate", name


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(text, expected, id=f"{name}-{index}")
    for name, table in _ALL.items() for index, (text, expected) in enumerate(table)])
def test_size_bounds_of_a_paragraph(text: str, expected: Bounds) -> None:
    assert _bounds(text, RULES) == expected


def _scorer() -> ModuleType:
    path = HERE.parents[1] / "benchmarks" / "eval_figures_whole.py"
    spec = importlib.util.spec_from_file_location("eval_figures_whole_classes", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORER = _scorer()


@pytest.fixture(scope="module", params=["learned", "rules"])
def extractor(request: pytest.FixtureRequest) -> OfflineExtractor:
    if request.param == "learned":
        return OfflineExtractor(embedder=BundledEmbedder())
    return RULES


def test_the_folder_holds_seventeen_notes_per_language() -> None:
    names = [p.name for p in NOTES.glob("*.gold.json")]
    assert sum(n.endswith("_en.gold.json") for n in names) == 17
    assert sum(n.endswith("_zh.gold.json") for n in names) == 17


@pytest.mark.parametrize("gold_path", [
    pytest.param(path, id=path.name.removesuffix(".gold.json"),
                 marks=[pytest.mark.xfail(strict=True, reason=XFAIL[path.name])]
                 if path.name in XFAIL else [])
    for path in sorted([*NOTES.glob("*.gold.json"), *AFTER.glob("*.gold.json")])])
def test_size_bounds_of_a_whole_note(gold_path: Path, extractor: OfflineExtractor) -> None:
    gold = json.loads(gold_path.read_text("utf-8"))
    text = (gold_path.parent / gold["notes"]).read_text("utf-8")
    predicted = SCORER.bounds_of(extract_notes(text, extractor, source=gold["notes"]).document)
    wrong = {name: (predicted[name], gold[name]) for name in SCORER.BOUNDS
             if not SCORER.same(predicted[name], gold[name])}
    assert not wrong, f"(predicted, gold) off: {wrong}"
