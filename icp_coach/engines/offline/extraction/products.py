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
                   r"|in|into|inside|called|named|onto|to|replacing|replace|over|off"
                   r"|用|用的是|使用)\s*|^[^:：]{1,24}[:：]\s*)$",
                   re.IGNORECASE)
# "Foo for scheduling": a name followed by the job it does is a product.
_FOR_JOB = re.compile(r"\s+(?:for|to\s+(?:do|run|handle|manage|track))\s+(?:the\s+|their\s+|all\s+)?"
                      r"(?:scheduling|booking|bookings|billing|invoic\w*|accounting|books|payroll|dispatch"
                      r"|inventory|stock|routing|routes|quotes|quoting|estimat\w*|payments?|pos|crm|"
                      r"leads|marketing|email|texts?|sms|reviews|tickets?|ticketing|reservations?|members?"
                      r"|memberships?|time\s+tracking|timesheets|hr|compliance|reporting|records?|docs"
                      r"|documents|files|forms|inspections?|work\s+orders|maintenance|orders|ordering"
                      r"|settlements?|bidding|donations?|registrations?|check-?ins?|waivers?)\b",
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
    "tuesday", "wednesday", "thursday", "saturday", "sunday", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "q1", "q2", "q3",
    "q4", "who", "where", "when", "why", "how", "if", "but", "so", "owner", "owners",
    "manager", "managers", "staff", "team", "teams", "customers", "clients", "people",
    "pen", "whiteboard", "google", "microsoft", "apple", "amazon", "books",
    "i", "he", "she", "him", "her", "me", "my", "ours", "theirs", "each", "every", "both",
    "tablets", "tablet", "ipads", "ipad", "laptops", "laptop", "phones", "computers", "printers",
    "scanners", "trucks", "vans", "machines", "equipment", "hardware", "gear", "software", "apps",
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
        after_verb = bool(_RUNS.search(clause[:match.start()])) \
            or bool(_FOR_JOB.match(clause, match.end()))
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


# A Chinese product name after a verb of using or keeping ("订场用趣运动", "库存记在某某里"), or listed
# beside a known product ("菜鸟驿站、兔喜"): 2-6 characters up to a particle or a mark.
_CJK_AFTER_VERB = re.compile(r"(?:用的是|使用|在用|用|靠|记在|录在|放在|存在)\s*(?P<name>[\u4e00-\u9fff]{2,6}?)"
                             r"(?=(?:系统|软件|平台|小程序|APP|app)?(?:来|做|管|记|开|订|收|的|里|上|和|或|加"
                             r"|[，、。；,;）)\s]|$))")
_CJK_LISTED = re.compile(r"[、,，/]\s*(?P<name>[\u4e00-\u9fff]{2,6})(?=[，、。；,;）)\s]|$)")
# What people use that is no product: paper, hands, phones, memory, and devices (names ending in
# 机, 器, 仪, 枪, 车, 柜, 秤, 台: "收银机", "扫码枪" are equipment).
_NOT_CJK_PRODUCT = re.compile(r"^(?:纸|笔|手|人|电话|表格|本子|白板|手机|电脑|系统|软件|自己|经验|拍照|群|老办法|土办法"
                              r"|记忆|脑子|口头|微信群|笔记本|计算器|打印|现金|传真|邮件|短信|本地|线下|线上|人工"
                              r"|什么|哪|啥|这|那|一些|各种|很多|不同|多个|同一|其他|别的|的)"
                              r"|[机器仪枪车柜秤台箱表单]$")


def unknown_cjk_products(clause: str) -> list[str]:
    """Chinese product names the tools gazetteer does not know, in a clause that says what a
    customer runs ("订场用趣运动"): the note's own spelling."""
    covered = [(m.start, m.end) for dimension in GAZETTEERS for m in mentions(dimension, clause)]
    covered += [(start, end) for start, end, _ in find_titles(clause)]
    known = bool(mentions("tech", clause))
    found: list[str] = []
    matches = list(_CJK_AFTER_VERB.finditer(clause))
    if known:
        matches += list(_CJK_LISTED.finditer(clause))
    for match in matches:
        name = match.group("name")
        start, end = match.start("name"), match.end("name")
        if _NOT_CJK_PRODUCT.search(name) or any(a < end and start < b for a, b in covered):
            continue
        if name not in found:
            found.append(name)
    return found
