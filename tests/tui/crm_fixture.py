"""A seeded CRM export for the attach tests: fintech companies of 200-1,000 employees are the
best customers (they pay more, stay, refer and expand); the rest are spread across industries and
sizes. Made up here, so the test needs nothing beside the repository."""

from __future__ import annotations

import csv
import random
from pathlib import Path

COLUMNS = ("account_id", "company", "industry", "employees", "annual_revenue_usd", "region",
           "tech_stack", "acv_usd", "lifetime_value_usd", "referrals", "nps", "churned",
           "expanded")
OTHER_INDUSTRIES = ("retail", "education", "manufacturing", "healthcare", "media")
REGIONS = ("emea", "north america", "apac")


def write_customers_csv(path: Path, *, rows: int = 160, seed: int = 7) -> Path:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for number in range(rows):
            best = number % 4 == 0
            industry = "fintech" if best else rng.choice(OTHER_INDUSTRIES)
            employees = rng.randint(220, 950) if best else rng.choice(
                (rng.randint(5, 120), rng.randint(1500, 9000)))
            acv = rng.randint(40_000, 90_000) if best else rng.randint(4_000, 20_000)
            writer.writerow((
                f"ACC-{number:05d}", f"Company {number}", industry, employees,
                employees * rng.randint(80_000, 160_000), rng.choice(REGIONS),
                ";".join(rng.sample(("salesforce", "slack", "aws", "jira", "netsuite"), 3)),
                acv, acv * rng.randint(3, 6), rng.randint(1, 4) if best else rng.randint(0, 1),
                rng.randint(8, 10) if best else rng.randint(2, 8),
                "false" if best or rng.random() < 0.6 else "true",
                "true" if best and rng.random() < 0.8 else "false",
            ))
    return path
