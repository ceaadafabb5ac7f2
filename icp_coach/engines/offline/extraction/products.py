"""Product names the tools gazetteer does not know, in lines that say what a customer runs.

In a tech line, a CamelCase or digit-bearing name ("WineDirect", "Commerce7"), or a capitalised
name listed beside a known product ("Dockwa or QuickBooks"), that is no common word, region,
title or category ("CRM", "ERP"), is taken as a product, in the note's own spelling. Used only for units
already read as tech, so a name in a pain or a logo line is not a tool.
"""

from __future__ import annotations

import re

from icp_coach.engines.offline.extraction import gazetteer
from icp_coach.engines.offline.extraction.mentions import GAZETTEERS, mentions
from icp_coach.engines.offline.extraction.titles import find_titles

_NAME = re.compile(r"(?<![A-Za-z0-9&.])(?:[a-z][A-Z][a-z]+[A-Za-z0-9]*|[A-Z][a-z0-9]*[A-Z][A-Za-z0-9]*(?:\|[A-Z]+)?|[A-Z]{2,6}\d*(?:\|[A-Z]+)?|[A-Z]\d{1,3}|[A-Z][a-z0-9]{2,}"
                   r"(?:\s(?:[A-Z][a-z0-9]+|[A-Z]{2,4}|\d+))?)(?![A-Za-z0-9])")
_CAMEL = re.compile(r"[a-z][A-Z]")
_RUNS = re.compile(r"(?:\b(?:run|runs|running|use|uses|using|used|on|via|with|from|through"
                   r"|用|用的是|使用)\s*)$",
                   re.IGNORECASE)
# "Passare or an old Osiris install": a few words may describe the second product.
_LISTED = re.compile(r"\s*(?:,|/|\+|&|and|or|plus|或|和|、)\s*(?:maybe\s+|sometimes\s+)?"
                     r"(?:(?:an?|the|some|old|older|legacy|ancient|homegrown|in-house|hosted"
                     r"|on-prem)\s+){0,3}", re.IGNORECASE)
# Categories and words that start sentences or name no product.
_NOT_A_PRODUCT = {
    "ccaas", "ucaas", "cpaas", "iaas", "paas", "crm", "erp", "mes", "tms", "wms", "pos", "ehr", "emr", "pms", "lms", "ats", "hris", "cms",
    "ams", "psa", "rmm", "bi", "it", "api", "apis", "sso", "saas", "sql", "csv", "pdf", "gl", "ap",
    "ar", "hr", "ops", "qa", "kpi", "kpis", "roi", "usd", "eur", "gbp", "cny", "rmb", "arr", "mrr",
    "acv", "ceo", "cfo", "cto", "coo", "cio", "vp", "ok", "faq", "us", "uk", "eu", "tbd", "etc",
    "the", "they", "their", "them", "then", "there", "these", "those", "this", "that", "most",
    "many", "some", "all", "any", "almost", "mostly", "usually", "often", "sometimes", "plus",
    "and", "or", "for", "with", "without", "today", "now", "currently", "also", "only", "just",
    "our", "we", "you", "your", "it's", "its", "a", "an", "in", "on", "at", "of", "to", "by",
    "stack", "tools", "tooling", "systems", "system", "current", "existing", "what", "they're",
    "everything", "nothing", "none", "no", "not", "yes", "maybe", "others", "other", "old",
    "legacy", "homegrown", "custom", "excel", "paper", "spreadsheets", "spreadsheet", "email",
    "phone", "whatsapp", "finance", "accounting", "payroll", "billing", "bookings",
    "reports", "reporting", "scheduling", "dispatch", "inventory", "marketing", "sales", "support",
    "bigger", "smaller", "larger", "big", "small", "large", "monday", "friday", "january",
    "tech", "desktop", "cloud", "online", "mobile", "web", "cheers", "thanks", "note", "notes",
}


def unknown_products(clause: str) -> list[str]:
    """Product-like names in a clause that no gazetteer entry, region or title covers."""
    covered = [(m.start, m.end) for dimension in GAZETTEERS for m in mentions(dimension, clause)]
    covered += [(start, end) for start, end, _ in find_titles(clause)]
    known = list(mentions("tech", clause))
    found: list[str] = []
    candidates = [m for m in _NAME.finditer(clause) if _may_be_product(m, covered)]
    # Two unknown names listed together ("Joblogic or Simpro") vouch for each other.
    paired = {id(m) for a, b in zip(candidates, candidates[1:], strict=False)
              for m in (a, b) if _LISTED.fullmatch(clause[a.end():b.start()])}
    for match in candidates:
        name = match.group().strip()
        # A plain capitalised word may just open the sentence ("Temperature logs ..."): it is a
        # product only when listed beside a known one ("Salesforce or Pipedrive").
        shaped = bool(_CAMEL.search(name) or re.search(r"\d", name))
        listed = any(_LISTED.fullmatch(_between(clause, match, m)) for m in known)
        after_verb = bool(_RUNS.search(clause[:match.start()]))
        if (shaped or listed or after_verb or id(match) in paired) and name not in found:
            found.append(name)
            # "run RTP|ONE or Siriusware": what is listed beside a product is one too.
            known = [*known, gazetteer.Mention(name, match.start(), match.end())]
    return found


def _may_be_product(match: re.Match[str], covered: list[tuple[int, int]]) -> bool:
    """A name that is no common word and that no gazetteer entry, region or title covers."""
    name = match.group().strip()
    if name.lower().split()[0] in _NOT_A_PRODUCT or name.lower() in _NOT_A_PRODUCT:
        return False
    return not any(start < match.end() and match.start() < end for start, end in covered)


def _between(clause: str, match: re.Match[str], mention: gazetteer.Mention) -> str:
    if mention.end <= match.start():
        return clause[mention.end:match.start()]
    return clause[match.end():mention.start] if match.end() <= mention.start else "#"
