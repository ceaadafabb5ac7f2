"""Seeded CRM exports, prospect lists and deal exports with planted truths, for the tests.

Every file is built from decisions made first (which traits make a customer valuable, which
filter a prospect fails, which signals it shows, whether a deal was won) and rendered second,
with the mess real exports have: header spellings of a CRM, case and spacing variants,
thousands separators, blanks, yes/no spelled five ways, list cells with mixed separators and
one exact duplicate row. The returned object carries the answers the decisions imply, so a test
compares the tool's output with what was planted, never with a figure copied from a run.

Run it to write a sample set: ``python tests/data/generate_crm.py OUT_DIR``.
"""

from __future__ import annotations

import csv
import json
import math
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

INDUSTRIES = ("logistics", "healthcare", "retail", "manufacturing", "education", "media", "construction")
REGIONS = ("apac", "emea", "north america", "latin america")
COUNTRIES = {"apac": ("Japan", "Australia", "Vietnam"), "emea": ("Germany", "Kenya", "Poland"),
             "north america": ("United States", "Canada"), "latin america": ("Chile", "Colombia")}
TOOLS = ("netsuite", "google workspace", "quickbooks", "shopify", "notion", "zoom", "asana")
NAME_PARTS = (("Harbor", "Quill", "Juniper", "Basalt", "Copper", "Meridian", "Tallow", "Orchard"),
              ("Freight", "Clinics", "Goods", "Works", "Academy", "Studio", "Builders", "Partners"))

# The traits that make a customer valuable (column, value; a [low, high] employee band), and one
# trait that makes it worse: every right answer of the customer tests follows from these.
PLANTED_OVER: tuple[tuple[str, Any], ...] = (("industry", "logistics"), ("region", "apac"),
                                             ("employees", [50, 200]), ("tech_stack", "netsuite"))
PLANTED_UNDER: tuple[str, Any] = ("region", "latin america")
DECOYS: tuple[tuple[str, Any], ...] = (("tech_stack", "google workspace"),)

CUSTOMER_HEADERS = ("Record ID", "Company name", "Industry", "Number of Employees", "Annual Revenue",
                    "Region", "Country", "Technologies", "ACV", "Lifetime value", "Cost to serve",
                    "Referrals", "NPS", "Sales cycle (days)", "Churned", "Expanded")


@dataclass
class CustomerExport:
    path: Path
    accounts: int  # distinct accounts (the file has one more row: an exact duplicate)
    rows_written: int
    sure_best: list[str]  # accounts so far ahead on every value measure that any fair ranking puts them first
    clean: dict[str, dict[str, Any]] = field(default_factory=dict)  # account id -> planted clean values


@dataclass
class ProspectList:
    path: Path
    rules: dict[str, Any]  # the ICP rules the list was planted against
    excluded: list[str]
    tiers: dict[int, list[str]]
    fractions: dict[str, float]  # account -> planted share of the signal weight it shows
    on_threshold: dict[str, int]  # accounts whose share is exactly a tier threshold -> their tier
    rows: int


@dataclass
class DealExport:
    path: Path
    decided_match: int
    won_match: int
    decided_rest: int
    won_rest: int
    open_deals: int
    unknown_accounts: list[str]  # deal rows whose account id is not in the customer export
    amounts_match: list[float] = field(default_factory=list)  # won deals only
    amounts_rest: list[float] = field(default_factory=list)
    cycles_match: list[int] = field(default_factory=list)  # won deals only
    cycles_rest: list[int] = field(default_factory=list)

    def win_rate(self, matching: bool) -> float:
        return (self.won_match / self.decided_match) if matching else (self.won_rest / self.decided_rest)


def _messy_word(rng: random.Random, word: str) -> str:
    return rng.choice([word, word.title(), word.upper(), f" {word} ", word.capitalize()])


def _messy_flag(rng: random.Random, value: bool, *, short: bool = True) -> str:
    """yes/no as exports spell it; `short` adds Y/N, which CRM cleaning reads but prospect rules do not."""
    words = ["TRUE", "True", "yes", "true", "Yes"] if value else ["FALSE", "False", "no", "false", "No"]
    return rng.choice([*words, "Y" if value else "N"] if short else words)


def _messy_list(rng: random.Random, items: list[str]) -> str:
    separator = rng.choice([";", "; ", ";"])
    return separator.join(rng.choice([item, item.title(), item.upper()]) for item in items)


def _messy_number(rng: random.Random, value: float) -> str:
    whole = int(round(value))
    return f"{whole:,}" if whole >= 1000 and rng.random() < 0.5 else str(whole)


def _name(rng: random.Random, index: int) -> str:
    return f"{rng.choice(NAME_PARTS[0])} {rng.choice(NAME_PARTS[1])} {index}"


def _employees(rng: random.Random, in_band: bool) -> int:
    if in_band:
        return rng.randint(50, 199)
    return rng.choice([rng.randint(5, 49), rng.randint(200, 900), rng.randint(1000, 4000)])


def write_customer_export(path: Path, *, seed: int = 7, accounts: int = 400) -> CustomerExport:
    """A CRM export of `accounts` customers whose value follows the planted traits."""
    rng = random.Random(seed)
    records: list[tuple[float, list[str], dict[str, Any]]] = []
    for index in range(accounts):
        industry = "logistics" if rng.random() < 0.22 else rng.choice([i for i in INDUSTRIES if i != "logistics"])
        region = rng.choices(REGIONS, weights=(0.3, 0.3, 0.25, 0.15))[0]
        in_band = rng.random() < 0.35
        employees = _employees(rng, in_band)
        tools = [tool for tool, share in (("netsuite", 0.25), ("google workspace", 0.8), ("quickbooks", 0.3),
                                          ("shopify", 0.2), ("notion", 0.3), ("zoom", 0.4)) if rng.random() < share]
        quality = (1.3 * (industry == "logistics") + 1.1 * (region == "apac") + 1.1 * in_band
                   + 1.0 * ("netsuite" in tools) - 1.2 * (region == "latin america") + rng.gauss(0, 0.6))
        acv = max(4000.0, 12000 + 4000 * quality + rng.gauss(0, 1500))
        churned = rng.random() < 1 / (1 + math.exp(1.5 + 1.5 * quality))
        clean: dict[str, Any] = {"account_id": f"C-{5000 + index}", "industry": industry, "region": region,
                 "employees": employees, "tech_stack": tools, "churned": churned, "quality": quality,
                 "lifetime_value_usd": max(5000.0, 60000 + 30000 * quality + rng.gauss(0, 6000)),
                 "cost_to_serve_usd": max(300.0, acv * (0.3 - 0.05 * quality) + rng.gauss(0, 400)),
                 "referrals": max(0, round(quality - 0.5 + rng.gauss(0, 0.5))),
                 "nps": None if rng.random() < 0.2 else max(0, min(10, round(6 + 1.2 * quality + rng.gauss(0, 1)))),
                 "sales_cycle_days": max(10, round(110 - 18 * quality + rng.gauss(0, 8))),
                 "expanded": rng.random() < 1 / (1 + math.exp(1 - 1.2 * quality)), "acv_usd": acv}
        country = rng.choice(COUNTRIES[region])
        name = _name(rng, index)
        clean["industry_cell"] = None if rng.random() < 0.02 else industry  # what the file says
        row = [clean["account_id"], name,
               "" if clean["industry_cell"] is None else _messy_word(rng, industry),
               "" if rng.random() < 0.02 else _messy_number(rng, employees),
               _messy_number(rng, employees * rng.uniform(60000, 180000)),
               _messy_word(rng, region), country, _messy_list(rng, tools),
               _messy_number(rng, acv), _messy_number(rng, clean["lifetime_value_usd"]),
               _messy_number(rng, clean["cost_to_serve_usd"]), str(clean["referrals"]),
               "" if clean["nps"] is None else str(clean["nps"]), str(clean["sales_cycle_days"]),
               _messy_flag(rng, churned), _messy_flag(rng, clean["expanded"])]
        records.append((quality, row, clean))
    rows = [row for _, row, _ in records]
    rows.insert(rng.randrange(len(rows)), list(rows[rng.randrange(len(rows))]))  # one exact duplicate
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CUSTOMER_HEADERS)
        writer.writerows(rows)
    ranked = sorted((r for r in records if not r[2]["churned"]), key=lambda r: r[0], reverse=True)
    sure_best = [clean["account_id"] for _, _, clean in ranked[: max(1, accounts // 20)]]
    return CustomerExport(path=path, accounts=accounts, rows_written=len(rows), sure_best=sure_best,
                          clean={clean["account_id"]: clean for _, _, clean in records})


# ------------------------------------------------------------------------------ prospects
PROSPECT_RULES: dict[str, Any] = {
    "filters": [{"field": "industry", "op": "in", "value": ["logistics", "healthcare", "manufacturing"]},
                {"field": "employees", "op": "between", "value": [100, 1000]},
                {"field": "region", "op": "in", "value": ["apac", "emea"]}],
    "signals": [{"field": "opening_new_sites", "op": "eq", "value": True, "weight": 3},
                {"field": "hiring_operations", "op": "eq", "value": True, "weight": 2},
                {"field": "visited_pricing_page", "op": "eq", "value": True, "weight": 2},
                {"field": "tech_stack", "op": "contains", "value": "netsuite", "weight": 1},
                {"field": "tech_stack", "op": "contains", "value": "shopify", "weight": 1},
                {"field": "runs_on_spreadsheets", "op": "eq", "value": True, "weight": 1}],
}
TIER_THRESHOLDS = (0.6, 0.3)
PROSPECT_HEADERS = ("account_id", "company", "industry", "employees", "annual_revenue_usd", "region", "country",
                    "tech_stack", "opening_new_sites", "hiring_operations", "visited_pricing_page",
                    "runs_on_spreadsheets")


def _tier(fraction: float) -> int:
    return 1 if fraction >= TIER_THRESHOLDS[0] else 2 if fraction >= TIER_THRESHOLDS[1] else 3


def write_prospect_list(path: Path, *, seed: int = 11, accounts: int = 200) -> ProspectList:
    """A prospect list where each account's fate (excluded, or the signals it shows) is planted."""
    rng = random.Random(seed)
    filters = PROSPECT_RULES["filters"]
    fitting_industries, (low, high), fitting_regions = (f["value"] for f in filters)
    weights = [s["weight"] for s in PROSPECT_RULES["signals"]]
    total = sum(weights)
    excluded: list[str] = []
    tiers: dict[int, list[str]] = {1: [], 2: [], 3: []}
    fractions: dict[str, float] = {}
    on_threshold: dict[str, int] = {}
    rows: list[list[str]] = []
    for index in range(accounts):
        account = f"P-{2000 + index}"
        fails = [name for name in ("industry", "employees", "region") if rng.random() < 0.22]
        industry = (rng.choice([i for i in INDUSTRIES if i not in fitting_industries]) if "industry" in fails
                    else rng.choice(fitting_industries))
        region = (rng.choice([r for r in REGIONS if r not in fitting_regions]) if "region" in fails
                  else rng.choice(fitting_regions))
        if "employees" in fails:
            employees: int | None = rng.choice([rng.randint(3, low - 1), rng.randint(high + 1, 9000), None])
        else:
            employees = rng.choice([low, high, rng.randint(low, high), rng.randint(low, high)])
        shown = [rng.random() < 0.45 for _ in weights]
        if index % 25 == 0:  # plant accounts exactly on a threshold: 3+2+1 = 6 of 10, and 2+1 = 3 of 10
            shown = [True, True, False, True, False, False] if index % 50 == 0 else [False, True, False, False, True, False]
        fraction = sum(w for w, on in zip(weights, shown, strict=True) if on) / total
        tools = [tool for tool, on in (("netsuite", shown[3]), ("shopify", shown[4])) if on]
        tools += [t for t in ("zoom", "asana", "notion") if rng.random() < 0.4]
        rng.shuffle(tools)
        if fails:
            excluded.append(account)
        else:
            tiers[_tier(fraction)].append(account)
            if round(fraction, 4) in TIER_THRESHOLDS:
                on_threshold[account] = _tier(fraction)
        fractions[account] = fraction
        revenue = (employees or 50) * rng.uniform(50000, 200000)
        rows.append([account, _name(rng, index), _messy_word(rng, industry),
                     "" if employees is None else _messy_number(rng, employees),
                     f"{int(revenue):,}" if rng.random() < 0.3 else str(int(revenue)),
                     _messy_word(rng, region), rng.choice(COUNTRIES[region]), _messy_list(rng, tools),
                     *(_messy_flag(rng, on, short=False) if rng.random() < 0.95 or on else "" for on in
                       (shown[0], shown[1], shown[2], shown[5]))])
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(PROSPECT_HEADERS)
        writer.writerows(rows)
    return ProspectList(path=path, rules=json.loads(json.dumps(PROSPECT_RULES)), excluded=excluded, tiers=tiers,
                        fractions=fractions, on_threshold=on_threshold, rows=accounts)


def write_rules(path: Path, rules: dict[str, Any] | None = None) -> Path:
    path.write_text(json.dumps(rules or PROSPECT_RULES, indent=2), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ deals
DEAL_HEADERS = ("Deal ID", "Account ID", "Deal Stage", "Amount", "Days to close")
WON_STAGES = ("Closed Won", "closed won", "Won")
LOST_STAGES = ("Closed Lost", "closed lost", "Lost")
OPEN_STAGES = ("Negotiation", "Discovery", "Proposal")


def write_deal_export(path: Path, customers: CustomerExport, matching: set[str], *, seed: int = 5,
                      deals: int = 300, unknown: int = 4) -> DealExport:
    """Deals on the customers' accounts: won more often, larger and faster where `matching` holds."""
    rng = random.Random(seed)
    ids = sorted(customers.clean)
    result = DealExport(path=path, decided_match=0, won_match=0, decided_rest=0, won_rest=0, open_deals=0,
                        unknown_accounts=[])
    rows: list[list[str]] = []
    for index in range(deals):
        account = rng.choice(ids)
        fits = account in matching
        amount = max(1000.0, rng.gauss(30000 if fits else 15000, 3000))
        cycle = max(5, round(rng.gauss(45 if fits else 80, 8)))
        if rng.random() < 0.1:
            stage = rng.choice(OPEN_STAGES)
            result.open_deals += 1
        else:
            won = rng.random() < (0.6 if fits else 0.25)
            stage = rng.choice(WON_STAGES if won else LOST_STAGES)
            if fits:
                result.decided_match += 1
                result.won_match += won
                if won:
                    result.amounts_match.append(round(amount))
                    result.cycles_match.append(cycle)
            else:
                result.decided_rest += 1
                result.won_rest += won
                if won:
                    result.amounts_rest.append(round(amount))
                    result.cycles_rest.append(cycle)
        rows.append([f"D-{index + 1}", account, stage, f"{round(amount):,}", str(cycle)])
    for index in range(unknown):
        account = f"X-{900 + index}"
        result.unknown_accounts.append(account)
        rows.append([f"D-{deals + index + 1}", account, "Closed Won", "5,000", "30"])
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(DEAL_HEADERS)
        writer.writerows(rows)
    return result


def main(out: str) -> None:
    folder = Path(out)
    customers = write_customer_export(folder / "customers.csv")
    prospects = write_prospect_list(folder / "prospects.csv")
    write_rules(folder / "icp_rules.json")
    matching = {a for a, c in customers.clean.items() if c["industry_cell"] == "logistics"}
    write_deal_export(folder / "deals.csv", customers, matching)
    print(f"wrote {customers.rows_written} customers, {prospects.rows} prospects and deals to {folder}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "crm-sample")
