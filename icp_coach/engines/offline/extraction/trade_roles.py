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
    r"|(?:look|looks|looked|seem|seems)\s+(?:similar|alike|the\s+same|like\s+(?:us|them|a\s+fit))"
    r"|(?:a|an)\s+(?:different|separate|other)\s+(?:thing|business|trade|market|animal|beast|world|segment)"
    r"|not\s+(?:ours|our\s+(?:buyers?|customers?|clients?|targets?|market|icp|segment))"
    r"|not\s+(?:a|the)\s+(?:target|customer|client)s?"
    r"|not\s+(?:targets?|customers?|clients?))(?![A-Za-z])"
    r"|是(?:他们|她们|它们|其|客户|对方)的?(?:客户|上游|下游|供应商|供货商|合作伙伴|合作方|渠道|房东|甲方|用户)"
    r"|(?:给|向|为)(?:他们|其|它们)(?:供货|供应|提供|卖货|送货|配送)|看起来像|看着像|长得像|类似但"
    r"|不是(?:我们|咱们)?的?(?:客户|目标|买家|用户)|不算|只是(?:他们的)?(?:供应商|上游|下游|合作方)",
    re.IGNORECASE)


def names_other_role(clause: str) -> bool:
    """Whether the clause gives what it names a role other than the target's."""
    return bool(_OTHER_ROLE.search(clause))
