"""Currencies: recognising them next to an amount, and converting amounts to USD.

CNY uses the configurable rate (settings `cny_per_usd`, default 7.2). EUR and GBP use fixed
reference rates, recorded in the extraction notes whenever they are applied, because an ICP band
needs the order of magnitude, not today's rate.
"""

from __future__ import annotations

import re

# Written before the amount ("$5M", "人民币 1000 万") or after it ("5M USD", "1 亿元").
CURRENCY_PREFIX = re.compile(
    r"(?:US\$|USD\s*|\$|€|EUR\s*|£|GBP\s*|¥|￥|RMB\s*|CNY\s*|人民币\s*)$", re.IGNORECASE)
CURRENCY_SUFFIX = re.compile(
    r"^\s*(?:USD|US dollars?|dollars?|bucks|美元|美金|EUR|euros?|€|GBP|pounds?|RMB|CNY|人民币|元|块)",
    re.IGNORECASE)

USD_PER_UNIT_FIXED = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27}


def currency_code(symbol: str) -> str:
    """ISO code for a currency sign or word."""
    word = symbol.strip().lower()
    if word in {"$", "us$", "usd", "us dollar", "us dollars", "dollar", "dollars", "bucks", "美元",
                "美金"}:
        return "USD"
    if word in {"€", "eur", "euro", "euros"}:
        return "EUR"
    if word in {"£", "gbp", "pound", "pounds"}:
        return "GBP"
    return "CNY"  # ¥ ￥ rmb cny 人民币 元 块: in these notes ¥ means renminbi


def to_usd(amount: float, currency: str, cny_per_usd: float) -> float:
    """The amount in US dollars, rounded to the nearest dollar."""
    if currency == "CNY":
        return float(round(amount / cny_per_usd))
    return float(round(amount * USD_PER_UNIT_FIXED.get(currency, 1.0)))


def conversion_note(currency: str, cny_per_usd: float) -> str | None:
    if currency == "CNY":
        return f"converted CNY to USD at {cny_per_usd:g} CNY per USD"
    if currency in ("EUR", "GBP"):
        return f"converted {currency} to USD at {USD_PER_UNIT_FIXED[currency]:g} USD per {currency}"
    return None


# Currency marks in one table cell (vectorised cleaning): any currency, and yuan in particular.
CELL_CURRENCY = r"(usd|us\$|rmb|cny|人民币|美元|元|[$€£¥￥])"
CELL_CNY = r"(rmb|cny|人民币|元|￥|¥)"
