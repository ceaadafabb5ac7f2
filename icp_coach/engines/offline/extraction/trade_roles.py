"""Clauses that name trades in a role other than the target's.

People describe the customer by what is around it: who its customers are ("resorts are their
customers", "是他们的下游"), who supplies it ("distributors are their suppliers", "给他们供货"),
who hires it ("hired by insurers"), what looks like it but is not ("looks similar", "a different
thing", "看起来像"), and verdicts that a trade is not ours ("not ours", "不是客户", "不算"). A trade
named in such a clause is never a target. A verdict that names nothing itself ("those are their
clients, not ours", "，不算") turns the clause before it too.
"""

from __future__ import annotations

import re

_ROLE_NOUN = (r"(?:customers?|clients?|end[- ]customers?|end[- ]users?|buyers?|suppliers?|vendors?"
              r"|partners?|distributors?|wholesalers?|landlords?|referrers?|referral\s+sources?"
              r"|channel|resellers?|upstream|downstream)")
_OTHER_ROLE = re.compile(
    r"(?<![A-Za-z])(?:(?:is|are|'re|were|as)\s+(?:just\s+|only\s+|really\s+|mostly\s+)?(?:their|its|the\s+\w+'s?)"
    r"\s+(?:own\s+|main\s+|biggest\s+)?" + _ROLE_NOUN +
    r"|(?<!we\s)(?<!i\s)(?:sell|sells|supply|supplies|rent|rents|lease|leases|ship|ships|deliver|delivers)"
    r"\s+(?:\w+\s+)?(?:to\s+)?them"
    r"|(?:hired|used|paid|referred|contracted|engaged|commissioned)\s+by"
    # who feeds them work ("hotels send them passengers", "refer jobs to them") and who buys
    # from them ("music schools rent instruments from them")
    r"|(?:refer|refers|send|sends|bring|brings|pass|passes|route|routes|feed|feeds|introduce|introduces)"
    r"\s+(?:[\w-]+\s+){0,2}(?:to\s+)?them"
    r"|(?:rent|rents|buy|buys|order|orders|purchase|purchases|source|sources|hire|hires)\s+(?:[\w-]+\s+){0,2}from\s+them"
    r"|(?:look|looks|looked|seem|seems)\s+(?:similar|alike|the\s+same|like\s+(?:us|them|a\s+fit))"
    r"|(?:a|an)\s+(?:different|separate|other)\s+(?:thing|business|trade|market|animal|beast|world|segment)"
    r"|not\s+(?:ours|our\s+(?:buyers?|customers?|clients?|targets?|market|icp|segment))"
    r"|not\s+(?:a|the)\s+(?:target|customer|client)s?"
    r"|not\s+(?:targets?|customers?|clients?)"
    r"|not\s+(?:who|whom|what)\s+we\s+(?:sell\s+to|target|serve|want|go\s+after)"
    r"|(?:is|are)\s+where\s+(?:they|the\s+\w+)\s+(?:work|works|operate|operates|sell|sells|buy|buys|dock|park))(?![A-Za-z])"
    r"|是(?:他们|她们|它们|其|客户|对方)的?(?:客户|上游|下游|供应商|供货商|合作伙伴|合作方|渠道|房东|甲方|用户)"
    r"|(?:给|向|为)(?:他们|她们|其|它们)(?:供货|供应|提供|卖货|送货|配送|介绍|推荐|送客|派单|引流|导流|转介)"
    r"|(?:从|向)(?:他们|她们|其|它们)(?:那里|那儿)?(?:采购|进货|买|租)|看起来像|看着像|长得像|类似但"
    r"|不是(?:我们|咱们)?的?(?:客户|目标|买家|用户)|不算|只是(?:他们的)?(?:供应商|上游|下游|合作方)"
    r"|(?<![不])是(?:我们的)?(?:合作方|合作伙伴|渠道(?:商|伙伴)?|上游|下游|供应商|供货商)"
    # a trade put off ("can wait until 2028", "phase 2", "明年再说", "暂不考虑")
    r"|(?<![A-Za-z])(?:can|could|will)\s+wait(?![A-Za-z])|(?<![A-Za-z])(?:is|are)\s+(?:a\s+)?phase\s+(?:2|two|ii)(?![A-Za-z])"
    r"|明年再|以后再|之后再|暂不|暂缓|先放一?放|放到明年",
    re.IGNORECASE)


# A label whose value lists trades in another role ("Partners: ...", "Suppliers: ...", "Their
# customers: ...", "上游：..."). A bare "Customers:" may be ours, so it needs "their".
_ROLE_LABEL = re.compile(
    r"^\W*(?:(?:their|its|the\s+\w+'s?)\s+(?:own\s+|main\s+)?" + _ROLE_NOUN + r"|(?:channel\s+|referral\s+)?partners?"
    r"|suppliers?|referrers?|referral\s+sources?|upstream|downstream|who\s+(?:they|it)\s+(?:serve|serves|sell"
    r"|sells|buy|buys|work|works)(?:\s+(?:to|from|for))?|where\s+they\s+(?:sell|buy|place)[\w\s]*"
    r"|(?:他们|她们|其|对方)的?(?:客户|下游|上游|供应商|合作方|渠道)|上游|下游|供应商|合作方|合作伙伴|渠道伙伴)\W*$",
    re.IGNORECASE)


def labels_other_role(label: str) -> bool:
    """Whether a label says its value names trades in another role than the target's."""
    return bool(_ROLE_LABEL.match(label))


def names_other_role(clause: str) -> bool:
    """Whether the clause gives what it names a role other than the target's."""
    return bool(_OTHER_ROLE.search(clause))


# What may stand before a verdict that has no subject of its own ("those are their clients",
# "but not ours", "也不算"): pronouns, connectors, adverbs.
_NO_SUBJECT = re.compile(
    r"^[\s,，、;；:：.。!！\-–—()（）]*(?:(?:and|but|so|yet|though|those|these|they|them|that|this|it|which"
    r"|who|both|all|each|either|neither|also|too|just|only|really|still|then|again|they're|it's"
    r"|that's|those're|here|there|mostly|really|honestly|frankly|again)(?![A-Za-z])[\s,]*"
    r"|(?:但是?|不过|可是|而且|这些|那些|这个|那个|这类|那类|他们|她们|它们|这|那|也|都|就|只|还|其实|本身|全|都)+)*",
    re.IGNORECASE)


def turns_clause_before(clause: str) -> bool:
    """Whether the clause is a verdict with no subject of its own ("those are their clients",
    "，不算"), so it speaks of what the clause before it named; "塑料粒子贸易商是他们的供应商"
    names its own."""
    found = _OTHER_ROLE.search(clause)
    return found is not None and _NO_SUBJECT.fullmatch(clause[:found.start()]) is not None

