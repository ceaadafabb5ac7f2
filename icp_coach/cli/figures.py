"""Labels and formatted figures for the reports the CLI prints: `lifetime_value` becomes
"Lifetime value" and 12345.6 becomes "$12,346", never a raw key and a bare number."""

from __future__ import annotations

from typing import Any

LABELS: dict[str, tuple[str, str]] = {  # key -> (en, zh)
    "lifetime_value": ("Lifetime value", "客户终身价值"),
    "sales_cycle_days": ("Sales cycle", "销售周期"),
    "nps": ("NPS score", "NPS 评分"),
    "churn": ("Churn", "流失率"),
    "win_rate": ("Win rate", "赢单率"),
    "deal_value": ("Deal value (won deals)", "成交金额（赢单）"),
    "deal_cycle_days": ("Sales cycle of won deals", "赢单销售周期"),
    "referral_share": ("new customers from referrals", "来自推荐的新客户"),
    "share_who_referred": ("customers who referred someone", "推荐过他人的客户"),
}
MONEY = {"lifetime_value", "deal_value"}
DAYS = {"sales_cycle_days", "deal_cycle_days"}
RATES = {"churn", "win_rate"}  # their differences and intervals are in percentage points


def label(key: str, zh: bool = False) -> str:
    """A person's words for a result key (the key itself, spaced, when there is no label)."""
    words = LABELS.get(key)
    if words is None:
        return key.replace("_", " ")
    return words[1] if zh else words[0]


def figure(key: str, value: Any, zh: bool = False, *, signed: bool = False) -> str:
    """A number as the report shows it: money in dollars with separators, days with their unit,
    a difference of rates in percentage points."""
    if value is None:
        return "n/a"
    number = float(value)
    sign = ("+" if number > 0 else "−" if number < 0 else "") if signed else ("−" if number < 0 else "")
    size = abs(number)
    if key in MONEY:
        return f"{sign}${size:,.0f}"
    if key in RATES:
        return f"{sign}{size * 100:.0f} {'个百分点' if zh else 'pts'}"
    if key in DAYS:
        return f"{sign}{size:,.0f} {'天' if zh else 'days'}"
    return f"{sign}{size:,.1f}"


def pmf_signals_text(signals: dict[str, Any], zh: bool = False) -> str:
    """`share_who_referred 0.4875, nps 32.0` as "customers who referred someone 49%, NPS +32 (120
    responses)"."""
    parts = []
    for key, value in signals.items():
        if key == "nps_responses":
            continue
        if key == "nps":
            responses = signals.get("nps_responses")
            count = f" ({responses} {'份回答' if zh else 'responses'})" if responses else ""
            parts.append(f"NPS {value:+.0f}{count}")
        elif isinstance(value, float) and 0 <= value <= 1:
            parts.append(f"{label(key, zh)} {value:.0%}")
        else:
            parts.append(f"{label(key, zh)} {value}")
    return ("，" if zh else ", ").join(parts)
