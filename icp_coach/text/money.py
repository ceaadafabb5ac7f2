"""Currencies: recognising them next to an amount, and converting amounts to USD.

CNY uses the configurable rate (settings `cny_per_usd`, default 7.2). EUR and GBP use fixed
reference rates, recorded in the extraction notes whenever they are applied, because an ICP band
needs the order of magnitude, not today's rate.
"""

from __future__ import annotations

import re

# Written before the amount ("$5M", "人民币 1000 万") or after it ("5M USD", "1 亿元").
CURRENCY_PREFIX = re.compile(
    r"(?:HK\$|NT\$|US\$|USD\s*|HKD\s*|JPY\s*|\$|€|EUR\s*|£|GBP\s*|¥|￥|RMB\s*|CNY\s*|人民币\s*)$",
    re.IGNORECASE)
CURRENCY_SUFFIX = re.compile(
    r"^\s*(?:USD|US dollars?|dollars?|bucks|美元|美金|EUR|euros?|€|GBP|pounds?|RMB|CNY|人民币"
    r"|HKD|JPY|港币|港元|日元|新台币|台币|元|块)", re.IGNORECASE)
# Currencies the notes may use that have no rate here: a figure in them gives no USD amount.
_NO_RATE = {"hk$": "HKD", "hkd": "HKD", "港币": "HKD", "港元": "HKD", "jpy": "JPY", "日元": "JPY",
            "nt$": "TWD", "新台币": "TWD", "台币": "TWD"}

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
    if word in _NO_RATE:
        return _NO_RATE[word]
    return "CNY"  # ¥ ￥ rmb cny 人民币 元 块: in these notes ¥ means renminbi


def has_rate(currency: str) -> bool:
    """Whether an amount in this currency can be given in USD."""
    return currency == "CNY" or currency in USD_PER_UNIT_FIXED


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
