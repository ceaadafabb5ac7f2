"""First-contact CRM exports for `customers` and `score`: six messy customer exports and six
prospect lists in the layouts people actually bring (HubSpot, Salesforce, Pipedrive, 纷享销客,
销售易, Excel saved as CSV in GBK or UTF-8 with a BOM), each with its gold answer.

Written before the engine was tuned on them; seeded, so the files are the same on every run.

    python3 benchmarks/csv_first_contact/make_data.py [OUT_DIR [SEED_OFFSET]]   (default: data/ here, 0)

Another SEED_OFFSET writes the same layouts with other values (a robustness check, not the set).

Customers gold (`NAME.gold.json`): `planted` traits (the file's header, the canonical field the
engine should report, kind value / range / item / flag, the value) and `accounts` (distinct
accounts: duplicates and summary rows are not accounts). Prospects gold: the ICP next to the file
(`NAME.icp.json`) and, per account id, `excluded` and `tier`, computed here from the true values
before they were written messily. Rules of the gold: an empty cell fails every filter; a range
cell ("51-200") is written only where the whole range is on one side of every bound; money in CNY
is converted at 7.2 per USD; a multi-value cell ("US; Canada") passes `in` when any value does and
`not_in` when none does; a place passes a region filter when it lies inside the region.
"""

from __future__ import annotations

import csv
import io
import json
import math
import random
import sys
from pathlib import Path
from typing import Any

CNY = 7.2
HERE = Path(__file__).parent

# --- places, written as people write them ------------------------------------------------------
# (canonical country, region, spellings)
COUNTRIES = [
    ("united states", "north america", ["United States", "USA", "US", "U.S.", "United States of America"]),
    ("canada", "north america", ["Canada", "CA", "Canada"]),
    ("mexico", "latam", ["Mexico", "México", "MX"]),
    ("brazil", "latam", ["Brazil", "Brasil", "BR"]),
    ("argentina", "latam", ["Argentina", "AR"]),
    ("germany", "emea", ["Germany", "Deutschland", "DE"]),
    ("united kingdom", "emea", ["United Kingdom", "UK", "GB", "England"]),
    ("france", "emea", ["France", "FR"]),
    ("netherlands", "emea", ["Netherlands", "The Netherlands", "NL", "Holland"]),
    ("united arab emirates", "emea", ["United Arab Emirates", "UAE", "AE"]),
    ("south africa", "emea", ["South Africa", "ZA"]),
    ("japan", "apac", ["Japan", "JP"]),
    ("australia", "apac", ["Australia", "AU"]),
    ("singapore", "apac", ["Singapore", "SG"]),
    ("india", "apac", ["India", "IN"]),
]
US_STATES = [("California", "CA"), ("Texas", "TX"), ("New York", "NY"), ("Florida", "FL"),
             ("Illinois", "IL"), ("Washington", "WA"), ("Massachusetts", "MA"), ("Georgia", "GA"),
             ("Ohio", "OH"), ("Colorado", "CO"), ("North Carolina", "NC"), ("Pennsylvania", "PA")]
# province, its usual short form, China region
PROVINCES = [("浙江省", "浙江", "华东"), ("江苏省", "江苏", "华东"), ("上海市", "上海", "华东"),
             ("山东省", "山东", "华东"), ("广东省", "广东", "华南"), ("福建省", "福建", "华东"),
             ("广西壮族自治区", "广西", "华南"), ("北京市", "北京", "华北"), ("河北省", "河北", "华北"),
             ("四川省", "四川", "西南"), ("湖北省", "湖北", "华中"), ("辽宁省", "辽宁", "东北"),
             ("陕西省", "陕西", "西北"), ("海南省", "海南", "华南")]
CITIES = {"浙江": ["杭州", "宁波", "温州"], "江苏": ["南京", "苏州"], "上海": ["上海"], "山东": ["济南", "青岛"],
          "广东": ["深圳", "广州", "东莞"], "福建": ["厦门", "福州"], "广西": ["南宁"], "北京": ["北京"],
          "河北": ["石家庄"], "四川": ["成都"], "湖北": ["武汉"], "辽宁": ["沈阳"], "陕西": ["西安"], "海南": ["海口"]}

EN_INDUSTRIES = ["Fintech", "SaaS", "Healthcare", "Retail", "Logistics", "Manufacturing", "Education",
                 "Insurance", "Media", "Government"]
ZH_INDUSTRIES = ["制造业", "零售", "医疗", "教育", "金融", "物流", "互联网", "政府", "能源"]
TOOLS = ["Salesforce", "HubSpot", "Slack", "AWS", "Snowflake", "Jira", "Zendesk", "Okta", "Stripe", "Azure"]
ZH_TOOLS = ["钉钉", "企业微信", "飞书", "金蝶", "用友", "阿里云", "腾讯云"]


def messy_case(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.1:
        return text.upper()
    if roll < 0.2:
        return f" {text.lower()} "
    return text


def en_employees_band(n: int) -> str:
    for low, high in ((1, 10), (11, 50), (51, 200), (201, 500), (501, 1000), (1001, 5000), (5001, 10000)):
        if low <= n <= high:
            return f"{low:,}-{high:,}"
    return "10,001+"


def band_of(n: int) -> tuple[float, float]:
    for low, high in ((1, 10), (11, 50), (51, 200), (201, 500), (501, 1000), (1001, 5000), (5001, 10000)):
        if low <= n <= high:
            return (low, high)
    return (10001, math.inf)


def zh_employees_band(n: int) -> tuple[str, tuple[float, float]]:
    for low, high, text in ((1, 19, "少于20人"), (20, 99, "20-99人"), (100, 499, "100-499人"),
                            (500, 999, "500-999人"), (1000, math.inf, "1000人以上")):
        if low <= n <= high:
            return text, (low, high)
    raise ValueError(n)


def usd_text(rng: random.Random, value: float) -> str:
    roll = rng.random()
    if value >= 1e9 and roll < 0.7:
        return f"${value / 1e9:.1f}B"
    if value >= 1e6 and roll < 0.6:
        return f"${value / 1e6:.1f}M".replace(".0M", "M")
    if value >= 1e3 and roll < 0.6:
        return f"${value / 1e3:,.0f}K"
    if roll < 0.85:
        return f"{value:,.0f}"
    return f"USD {value:,.0f}"


def cny_text(rng: random.Random, cny: float) -> str:
    if cny >= 1e8 and rng.random() < 0.7:
        return f"{cny / 1e8:.2f}亿".replace(".00亿", "亿")
    if rng.random() < 0.8:
        return f"{cny / 1e4:,.0f}万"
    return f"{cny:,.0f}元"


def round_money(value: float) -> float:
    digits = max(0, int(math.log10(max(value, 1))) - 2)
    return float(round(value, -digits))


def write_csv(path: Path, header: list[str], rows: list[list[Any]], *, encoding: str = "utf-8",
              delimiter: str = ",", footer: list[list[Any]] | None = None) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n" if encoding != "utf-8" else "\n")
    writer.writerow(header)
    writer.writerows(rows)
    for line in footer or []:
        writer.writerow(line)
    path.write_bytes(buffer.getvalue().encode(encoding))


def blank(rng: random.Random, text: Any, share: float = 0.05, words: tuple[str, ...] = ("", "N/A")) -> Any:
    return rng.choice(words) if rng.random() < share else text


# --- customers ---------------------------------------------------------------------------------

def latent(rng: random.Random, boosts: list[bool]) -> float:
    return rng.gauss(0, 1) + sum(1.6 for b in boosts if b)


def churn(rng: random.Random, value: float) -> bool:
    return rng.random() < 1 / (1 + math.exp(1.0 + 1.4 * value))


def customers_hubspot(rng: random.Random, out: Path) -> dict[str, Any]:
    header = ["Record ID", "Company name", "Industry", "Number of Employees", "Annual Revenue",
              "Country/Region", "Technologies", "Lifetime Value", "Number of referrals", "Churned"]
    rows = []
    for i in range(240):
        industry = rng.choice(EN_INDUSTRIES[:8])
        employees = int(math.exp(rng.uniform(math.log(8), math.log(8000))))
        tools = [t for t in TOOLS if rng.random() < 0.3]
        value = latent(rng, [industry == "Fintech", 201 <= employees <= 1000, "Snowflake" in tools])
        country = rng.choice(COUNTRIES)
        seps = rng.choice([", ", "; ", ";", ","])
        tool_text = seps.join(t if rng.random() < 0.7 else t.lower() for t in tools)
        rows.append([
            f"{20000 + i * 7}", f"Company {i}", messy_case(rng, industry),
            blank(rng, en_employees_band(employees) if rng.random() < 0.6 else f"{employees:,}"),
            blank(rng, usd_text(rng, round_money(employees * rng.uniform(8e4, 2.5e5)))),
            rng.choice(country[2]), tool_text,
            usd_text(rng, round_money(math.exp(10.8 + 0.45 * value))),
            max(0, round(rng.gauss(0.8 + 0.9 * value, 0.8))),
            rng.choice(["Y", "Yes"]) if churn(rng, value) else rng.choice(["N", "No"]),
        ])
    write_csv(out / "c1_hubspot.csv", header, rows)
    return {"accounts": 240, "planted": [
        {"column": "Industry", "field": "industry", "kind": "value", "value": "fintech"},
        {"column": "Number of Employees", "field": "employees", "kind": "range", "value": [201, 1000]},
        {"column": "Technologies", "field": "tech_stack", "kind": "item", "value": "snowflake"}]}


def customers_salesforce(rng: random.Random, out: Path) -> dict[str, Any]:
    header = ["Account ID", "Account Name", "Industry", "Employees", "Annual Revenue", "Billing Country",
              "Lead Source", "Customer LTV (USD)", "Referrals__c", "NPS Score", "Is Churned"]
    rows = []
    for i in range(220):
        industry = rng.choice(EN_INDUSTRIES[:8])
        country = rng.choice(COUNTRIES)
        source = rng.choice(["Partner", "Web", "Outbound", "Event", "Inbound"])
        value = latent(rng, [country[0] == "germany", source == "Partner"])
        employees = int(math.exp(rng.uniform(math.log(10), math.log(5000))))
        rows.append([
            f"001{i:05d}XYZ", f"Account {i} Ltd", industry, blank(rng, f"{employees:,}"),
            blank(rng, f"{round_money(employees * rng.uniform(8e4, 2e5)):,.0f}"),
            rng.choice(country[2]), source,
            f"{round_money(math.exp(11 + 0.4 * value)):,.0f}",
            max(0, round(rng.gauss(0.8 + 0.9 * value, 0.8))),
            blank(rng, min(10, max(0, round(rng.gauss(7 + value, 1.3))))),
            "TRUE" if churn(rng, value) else "FALSE",
        ])
    duplicates = [rows[5], rows[17], rows[60]]
    rows = rows + duplicates
    footer = [["Total"] + [""] * (len(header) - 1), [""] * len(header),
              ['"Generated By: Demo User  12/1/2026 9:14 AM"'] + [""] * (len(header) - 1),
              ["Confidential Information - Do Not Distribute"] + [""] * (len(header) - 1)]
    write_csv(out / "c2_salesforce.csv", header, rows, footer=footer)
    return {"accounts": 220, "planted": [
        {"column": "Billing Country", "field": "country", "kind": "value", "value": "germany"},
        {"column": "Lead Source", "field": "lead_source", "kind": "value", "value": "partner"}]}


def customers_zh_bom(rng: random.Random, out: Path) -> dict[str, Any]:
    header = ["客户编号", "公司名称", "行业", "员工人数", "年营收（万元）", "所在省份", "是否融资",
              "客户终身价值（万元）", "转介绍数", "是否流失"]
    rows = []
    for i in range(260):
        industry = rng.choice(ZH_INDUSTRIES[:7])
        province = rng.choice(PROVINCES)
        raised = rng.random() < 0.35
        value = latent(rng, [industry == "制造业", raised, province[1] == "浙江"])
        employees = int(math.exp(rng.uniform(math.log(10), math.log(3000))))
        rows.append([
            f"KH{1000 + i}", f"某某科技有限公司{i}", industry, blank(rng, employees, words=("", "不详")),
            blank(rng, f"{employees * rng.uniform(30, 120):,.0f}"), rng.choice(province[:2]),
            "是" if raised else "否", f"{math.exp(2.5 + 0.45 * value):.1f}",
            max(0, round(rng.gauss(0.8 + 0.9 * value, 0.8))), "是" if churn(rng, value) else "否",
        ])
    footer = [["合计", "", "", "", "", "", "", "", "", ""]]
    write_csv(out / "c3_zh_bom.csv", header, rows, encoding="utf-8-sig", footer=footer)
    return {"accounts": 260, "planted": [
        {"column": "行业", "field": "industry", "kind": "value", "value": "制造业"},
        {"column": "是否融资", "field": "是否融资", "kind": "flag", "value": True},
        {"column": "所在省份", "field": "region", "kind": "value", "value": "浙江"}]}


def customers_fxiaoke_gbk(rng: random.Random, out: Path) -> dict[str, Any]:
    header = ["客户名称", "客户编号", "所属行业", "人员规模", "省份", "城市", "累计成交金额", "推荐客户数",
              "是否流失", "负责人"]
    rows = []
    for i in range(230):
        province = rng.choice(PROVINCES)
        employees = int(math.exp(rng.uniform(math.log(5), math.log(3000))))
        band, _ = zh_employees_band(employees)
        value = latent(rng, [band == "100-499人", province[1] == "广东"])
        rows.append([
            f"客户{i}有限公司", f"FX-{i:04d}", rng.choice(ZH_INDUSTRIES), band, province[0],
            rng.choice(CITIES[province[1]]), cny_text(rng, round_money(math.exp(12.5 + 0.45 * value))),
            max(0, round(rng.gauss(0.8 + 0.9 * value, 0.8))),
            "Y" if churn(rng, value) else "N", rng.choice(["张伟", "王芳", "李娜", "刘洋"]),
        ])
    rows += [rows[3], rows[40]]
    footer = [["总计：230 条", "", "", "", "", "", "", "", "", ""]]
    write_csv(out / "c4_fxiaoke_gbk.csv", header, rows, encoding="gbk", footer=footer)
    return {"accounts": 230, "planted": [
        {"column": "人员规模", "field": "employees", "kind": "range", "value": [100, 499]},
        {"column": "省份", "field": "region", "kind": "value", "value": "广东省"}]}


def customers_pipedrive(rng: random.Random, out: Path) -> dict[str, Any]:
    header = ["Organization - ID", "Organization - Name", "Organization - Industry",
              "Organization - Number of employees", "Organization - Annual revenue",
              "Organization - Country", "Organization - Tools used", "Organization - Lifetime value",
              "Organization - Referrals", "Organization - Churned"]
    rows = []
    for i in range(200):
        industry = rng.choice(EN_INDUSTRIES[:8])
        tools = [t for t in TOOLS if rng.random() < 0.3]
        employees = int(math.exp(rng.uniform(math.log(5), math.log(4000))))
        value = latent(rng, [industry == "SaaS", "HubSpot" in tools, 50 <= employees <= 200])
        rows.append([
            str(300 + i), f"Org {i} GmbH", industry, employees,
            blank(rng, f"{round_money(employees * rng.uniform(6e4, 2e5)):.0f}", words=("", "-")),
            rng.choice(rng.choice(COUNTRIES)[2]), ", ".join(tools),
            f"{round_money(math.exp(10.5 + 0.45 * value)):.2f}",
            max(0, round(rng.gauss(0.8 + 0.9 * value, 0.8))), "1" if churn(rng, value) else "0",
        ])
    write_csv(out / "c5_pipedrive.csv", header, rows, delimiter=";")
    return {"accounts": 200, "planted": [
        {"column": "Organization - Industry", "field": "industry", "kind": "value", "value": "saas"},
        {"column": "Organization - Tools used", "field": "tech_stack", "kind": "item", "value": "hubspot"},
        {"column": "Organization - Number of employees", "field": "employees", "kind": "range", "value": [50, 200]}]}


def customers_xiaoshouyi(rng: random.Random, out: Path) -> dict[str, Any]:
    header = ["客户ID", "客户名称", "行业", "员工规模", "年营业额", "地区", "是否上市",
              "客户生命周期价值", "推荐次数", "流失"]
    rows = []
    regions = ["华东", "华南", "华北", "西南", "华中"]
    for i in range(250):
        region = rng.choice(regions)
        listed = rng.random() < 0.3
        value = latent(rng, [region == "华南", listed])
        employees = int(math.exp(rng.uniform(math.log(10), math.log(8000))))
        size = rng.choice([en_employees_band(employees), f"{employees:,}",
                           f"{band_of(employees)[0]:,.0f}+"]) if rng.random() > 0.05 else "N/A"
        rows.append([
            f"XSY{i:05d}", f"客户{i}", rng.choice(ZH_INDUSTRIES), size,
            cny_text(rng, round_money(employees * rng.uniform(3e5, 1e6))), region,
            "✓" if listed else rng.choice(["", "✗"]),
            cny_text(rng, round_money(math.exp(12.3 + 0.45 * value))),
            max(0, round(rng.gauss(0.8 + 0.9 * value, 0.8))), "✓" if churn(rng, value) else "",
        ])
    write_csv(out / "c6_xiaoshouyi.csv", header, rows, encoding="utf-8-sig")
    return {"accounts": 250, "planted": [
        {"column": "地区", "field": "region", "kind": "value", "value": "华南"},
        {"column": "是否上市", "field": "是否上市", "kind": "flag", "value": True}]}


# --- prospects ---------------------------------------------------------------------------------

def tier_of(weights: list[tuple[bool, float]]) -> int:
    total = sum(w for _, w in weights)
    matched = sum(w for hit, w in weights if hit)
    if matched * 100 >= 60 * total:
        return 1
    return 2 if matched * 100 >= 30 * total else 3


def band_side(band: tuple[float, float], low: float | None, high: float | None) -> bool | None:
    """True: the whole band passes the bounds; False: the whole band fails; None: it straddles."""
    inside = (low is None or band[0] >= low) and (high is None or band[1] <= high)
    outside = (low is not None and band[1] < low) or (high is not None and band[0] > high)
    return True if inside else False if outside else None


def prospects_hubspot(rng: random.Random, out: Path) -> dict[str, Any]:
    icp = {"name": "Mid-market software, NA and EMEA", "filters": [
        {"field": "industry", "op": "in", "value": ["software", "fintech"]},
        {"field": "employees", "op": "between", "value": [51, 1000]},
        {"field": "region", "op": "in", "value": ["north america", "emea"]}],
        "signals": [
        {"field": "Recently raised", "op": "eq", "value": True, "weight": 3},
        {"field": "Visited pricing page", "op": "eq", "value": True, "weight": 2},
        {"field": "tech_stack", "op": "contains", "value": "salesforce", "weight": 1}]}
    header = ["Record ID", "Company name", "Industry", "Number of Employees", "Country/Region",
              "Technologies", "Recently raised", "Visited pricing page"]
    rows, gold = [], {}
    for i in range(150):
        industry = rng.choice(["Software", "Fintech", "Retail", "Healthcare", "Media"])
        employees = int(math.exp(rng.uniform(math.log(5), math.log(6000))))
        places = [rng.choice(COUNTRIES)]
        if rng.random() < 0.15:
            places.append(rng.choice(COUNTRIES))
        tools = [t for t in TOOLS if rng.random() < 0.3]
        raised, visited = rng.random() < 0.4, rng.random() < 0.4
        side = band_side(band_of(employees), 51, 1000)
        emp_text = en_employees_band(employees) if side is not None and rng.random() < 0.6 else f"{employees:,}"
        missing = rng.random() < 0.04
        account = f"{50000 + i}"
        rows.append([account, f"Prospect {i}", messy_case(rng, industry), "" if missing else emp_text,
                     "; ".join(rng.choice(p[2]) for p in places), ", ".join(tools),
                     rng.choice(["Y", "Yes", "✓"]) if raised else rng.choice(["N", "No", ""]),
                     rng.choice(["1", "TRUE"]) if visited else rng.choice(["0", "FALSE"])])
        excluded = (industry.lower() not in ("software", "fintech") or missing or not 51 <= employees <= 1000
                    or not any(p[1] in ("north america", "emea") for p in places))
        gold[account] = {"excluded": excluded, "tier": None if excluded else tier_of(
            [(raised, 3), (visited, 2), ("Salesforce" in tools, 1)])}
    write_csv(out / "p1_hubspot.csv", header, rows)
    return {"icp": icp, "accounts": gold}


def prospects_salesforce(rng: random.Random, out: Path) -> dict[str, Any]:
    icp = {"filters": [
        {"field": "industry", "op": "not in", "value": ["government", "education"]},
        {"field": "employees", "op": "gte", "value": 100},
        {"field": "annual_revenue_usd", "op": "between", "value": [None, 50_000_000]},
        {"field": "region", "op": "in", "value": ["north america"]}],
        "signals": [
        {"field": "state", "op": "in", "value": ["California", "Washington", "New York"], "weight": 2},
        {"field": "Hiring SDRs", "op": "eq", "value": True, "weight": 2},
        {"field": "industry", "op": "eq", "value": "healthcare", "weight": 1}]}
    header = ["Account ID", "Account Name", "Industry", "Employees", "Annual Revenue", "Billing State/Province",
              "Billing Country", "Hiring SDRs"]
    rows, gold = [], {}
    for i in range(180):
        industry = rng.choice(EN_INDUSTRIES)
        employees = int(math.exp(rng.uniform(math.log(10), math.log(5000))))
        revenue = round_money(employees * rng.uniform(5e4, 2.5e5))
        us = rng.random() < 0.7
        state = rng.choice(US_STATES) if us else None
        country = COUNTRIES[0] if us else rng.choice(COUNTRIES[1:])
        hiring = rng.random() < 0.35
        na_industry = rng.random() < 0.04
        account = f"001P{i:05d}"
        rows.append([account, f"Target {i} Inc.", "" if na_industry else industry, f"{employees:,}",
                     usd_text(rng, revenue), (rng.choice(state) if state else ""),
                     rng.choice(country[2]), "TRUE" if hiring else "FALSE"])
        excluded = (na_industry or industry.lower() in ("government", "education") or employees < 100
                    or revenue > 50e6 or country[1] != "north america")
        gold[account] = {"excluded": excluded, "tier": None if excluded else tier_of(
            [(state is not None and state[0] in ("California", "Washington", "New York"), 2), (hiring, 2),
             (industry == "Healthcare", 1)])}
    rows.append(rows[10])
    footer = [["Grand Totals (181 records)"] + [""] * (len(header) - 1), [""] * len(header),
              ["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."] + [""] * (len(header) - 1)]
    write_csv(out / "p2_salesforce.csv", header, rows, footer=footer)
    return {"icp": icp, "accounts": gold}


def prospects_zh_bom(rng: random.Random, out: Path) -> dict[str, Any]:
    icp = {"filters": [
        {"field": "region", "op": "in", "value": ["华东", "华南"]},
        {"field": "industry", "op": "in", "value": ["制造业", "零售"]},
        {"field": "annual_revenue_usd", "op": "gte", "value": 1_000_000}],
        "signals": [
        {"field": "是否融资", "op": "eq", "value": True, "weight": 2},
        {"field": "employees", "op": "gte", "value": 200, "weight": 1},
        {"field": "是否使用ERP", "op": "eq", "value": True, "weight": 1}]}
    header = ["公司名称", "客户编号", "行业", "员工人数", "年营收（万元）", "所在省份", "是否融资", "是否使用ERP"]
    rows, gold = [], {}
    for i in range(160):
        province = rng.choice(PROVINCES)
        industry = rng.choice(ZH_INDUSTRIES)
        employees = int(math.exp(rng.uniform(math.log(10), math.log(3000))))
        revenue_wan = round(employees * rng.uniform(5, 40))
        raised, erp = rng.random() < 0.4, rng.random() < 0.5
        account = f"ZH{i:04d}"
        rows.append([f"某公司{i}", account, industry, employees, f"{revenue_wan:,}", rng.choice(province[:2]),
                     "是" if raised else "否", rng.choice(["是", "有"]) if erp else rng.choice(["否", "无"])])
        excluded = (province[2] not in ("华东", "华南") or industry not in ("制造业", "零售")
                    or revenue_wan * 1e4 / CNY < 1e6)
        gold[account] = {"excluded": excluded, "tier": None if excluded else tier_of(
            [(raised, 2), (employees >= 200, 1), (erp, 1)])}
    footer = [["合计", "", "", "", "", "", "", ""]]
    write_csv(out / "p3_zh_bom.csv", header, rows, encoding="utf-8-sig", footer=footer)
    return {"icp": icp, "accounts": gold}


def prospects_fxiaoke_gbk(rng: random.Random, out: Path) -> dict[str, Any]:
    icp = {"filters": [
        {"field": "industry", "op": "not_in", "value": ["政府", "教育"]},
        {"field": "employees", "op": "between", "value": [100, None]},
        {"field": "annual_revenue_usd", "op": "gte", "value": 2_000_000}],
        "signals": [
        {"field": "是否高新技术企业", "op": "eq", "value": True, "weight": 2},
        {"field": "城市", "op": "in", "value": ["深圳", "杭州"], "weight": 1},
        {"field": "region", "op": "in", "value": ["华东"], "weight": 1}]}
    header = ["客户名称", "客户编号", "所属行业", "人员规模", "省份", "城市", "年营业额", "是否高新技术企业"]
    rows, gold = [], {}
    for i in range(170):
        province = rng.choice(PROVINCES)
        city = rng.choice(CITIES[province[1]])
        industry = rng.choice(ZH_INDUSTRIES)
        employees = int(math.exp(rng.uniform(math.log(5), math.log(3000))))
        band, bounds = zh_employees_band(employees)
        side = band_side(bounds, 100, None)
        size = band if side is not None else f"{employees}人"
        revenue_cny = round_money(employees * rng.uniform(5e4, 4e5))
        hightech = rng.random() < 0.35
        account = f"FXP{i:04d}"
        rows.append([f"客户{i}股份有限公司", account, industry, size, province[0], city, cny_text(rng, revenue_cny),
                     "√" if hightech else ""])
        excluded = industry in ("政府", "教育") or employees < 100 or revenue_cny / CNY < 2e6
        gold[account] = {"excluded": excluded, "tier": None if excluded else tier_of(
            [(hightech, 2), (city in ("深圳", "杭州"), 1), (province[2] == "华东", 1)])}
    footer = [["合计：170 条", "", "", "", "", "", "", ""]]
    write_csv(out / "p4_fxiaoke_gbk.csv", header, rows, encoding="gbk", footer=footer)
    return {"icp": icp, "accounts": gold}


def prospects_pipedrive(rng: random.Random, out: Path) -> dict[str, Any]:
    icp = {"filters": [
        {"field": "region", "op": "in", "value": ["EMEA", "LATAM"]},
        {"field": "employees", "op": "lte", "value": 500}],
        "signals": [
        {"field": "tech_stack", "op": "contains any", "value": ["hubspot", "pipedrive"], "weight": 2},
        {"field": "Organization - Uses competitor", "op": "eq", "value": True, "weight": 1},
        {"field": "industry", "op": "in", "value": ["saas", "fintech"], "weight": 1}]}
    header = ["Organization - ID", "Organization - Name", "Organization - Industry",
              "Organization - Number of employees", "Organization - Country", "Organization - Tools used",
              "Organization - Uses competitor"]
    rows, gold = [], {}
    tools_pool = [*TOOLS, "Pipedrive"]
    for i in range(140):
        country = rng.choice(COUNTRIES)
        employees = int(math.exp(rng.uniform(math.log(3), math.log(3000))))
        tools = [t for t in tools_pool if rng.random() < 0.25]
        competitor = rng.random() < 0.4
        industry = rng.choice(EN_INDUSTRIES[:6])
        account = str(9000 + i)
        rows.append([account, f"Org {i} SA", industry, employees, rng.choice(country[2]), ", ".join(tools),
                     "yes" if competitor else "no"])
        excluded = country[1] not in ("emea", "latam") or employees > 500
        gold[account] = {"excluded": excluded, "tier": None if excluded else tier_of(
            [(bool({"HubSpot", "Pipedrive"} & set(tools)), 2), (competitor, 1),
             (industry.lower() in ("saas", "fintech"), 1)])}
    rows += [rows[2], rows[99]]
    write_csv(out / "p5_pipedrive.csv", header, rows, delimiter=";")
    return {"icp": icp, "accounts": gold}


def prospects_tabbed_us(rng: random.Random, out: Path) -> dict[str, Any]:
    icp = {"filters": [
        {"field": "country", "op": "in", "value": ["United States"]},
        {"field": "state", "op": "not in", "value": ["Texas", "Florida"]},
        {"field": "annual_revenue_usd", "op": "between", "value": [5_000_000, 500_000_000]}],
        "signals": [
        {"field": "Uses AWS", "op": "eq", "value": True, "weight": 1},
        {"field": "Open roles", "op": "gte", "value": 10, "weight": 2},
        {"field": "employees", "op": "between", "value": [200, None], "weight": 1}]}
    header = ["Company", "Domain", "HQ Country", "HQ State", "Annual Revenue (USD)", "Employee Count", "Uses AWS",
              "Open roles"]
    rows, gold = [], {}
    for i in range(130):
        us = rng.random() < 0.8
        state = rng.choice(US_STATES) if us else None
        country = COUNTRIES[0] if us else rng.choice(COUNTRIES[1:])
        revenue = round_money(math.exp(rng.uniform(math.log(5e5), math.log(2e9))))
        employees = int(revenue / rng.uniform(1e5, 3e5)) + 1
        aws = rng.random() < 0.5
        roles = rng.choice([0, 2, 5, 12, 30, 8, 15])
        na_revenue = rng.random() < 0.04
        domain = f"company{i}.example"
        side = band_side(band_of(employees), 200, None)
        emp_text = en_employees_band(employees) if side is not None and rng.random() < 0.5 else str(employees)
        rows.append([f"Company {i}", domain, rng.choice(country[2]),
                     (rng.choice(state) if state else rng.choice(["", "N/A"])),
                     "N/A" if na_revenue else usd_text(rng, revenue), emp_text,
                     "1" if aws else "0", roles])
        excluded = (not us or (state is not None and state[0] in ("Texas", "Florida")) or na_revenue
                    or not 5e6 <= revenue <= 5e8)
        gold[domain] = {"excluded": excluded, "tier": None if excluded else tier_of(
            [(aws, 1), (roles >= 10, 2), (employees >= 200, 1)])}
    write_csv(out / "p6_tabbed_us.csv", header, rows, delimiter="\t")
    return {"icp": icp, "accounts": gold, "key": "Domain"}


def main(out: Path | None = None, offset: int | None = None) -> None:
    if out is None:  # run as a script: the command line says where and which seeds
        out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "data"
        offset = offset if offset is not None else (int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    offset = offset or 0
    out.mkdir(parents=True, exist_ok=True)
    for index, make in enumerate([customers_hubspot, customers_salesforce, customers_zh_bom,
                                  customers_fxiaoke_gbk, customers_pipedrive, customers_xiaoshouyi]):
        gold = make(random.Random(100 + index + offset), out)
        name = make.__name__.replace("customers_", "")
        stem = next(p.stem for p in out.glob(f"c{index + 1}_*.csv"))
        (out / f"{stem}.gold.json").write_text(json.dumps({"kind": "customers", "layout": name, **gold},
                                                          ensure_ascii=False, indent=1))
    for index, make in enumerate([prospects_hubspot, prospects_salesforce, prospects_zh_bom,
                                  prospects_fxiaoke_gbk, prospects_pipedrive, prospects_tabbed_us]):
        gold = make(random.Random(200 + index + offset), out)
        stem = next(p.stem for p in out.glob(f"p{index + 1}_*.csv"))
        (out / f"{stem}.icp.json").write_text(json.dumps(gold.pop("icp"), ensure_ascii=False, indent=1))
        (out / f"{stem}.gold.json").write_text(json.dumps({"kind": "prospects", "key": gold.get("key", ""),
                                                           "accounts": gold["accounts"]},
                                                          ensure_ascii=False, indent=1))
    print(f"wrote {len(list(out.glob('*.csv')))} files to {out}")


if __name__ == "__main__":
    main()
