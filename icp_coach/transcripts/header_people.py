"""Who the header names on each side: `**Hosts:** A, B`, `主持人：孙某（产品），记录：林某`,
`Interviewee: C (COO)`, and on a mixed list, by the role in brackets:
`Participants: Jordan Blake (interviewer), Mei Chen (owner)`, `参会人：周明（产品经理，访谈）、黄静`.
"""

from __future__ import annotations

import re

from icp_coach.transcripts.sections import reads_like_metadata

_HEADER_ROLE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?P<key>hosts?|interviewers?|moderators?|facilitators?|researchers?|"
    r"observers?|note ?takers?|主持人?|访谈人|采访人|访谈者|记录人?|观察员|"
    r"guests?|interviewees?|customers?|受访者|受访人|访谈对象|嘉宾|"
    r"participants?|attendees?|people|speakers?|参会人员?|与会人员?|参与人员?|参加人员?|出席人员?|在场人员?)"
    r"(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(?P<names>.+)$", re.IGNORECASE)
_GUEST_KEYS = ("guest", "interviewee", "customer", "受访", "访谈对象", "嘉宾")
_MIXED_KEYS = ("participant", "attendee", "people", "speaker", "参会", "与会", "参与", "参加", "出席", "在场")
_RESEARCH_ROLE = re.compile(
    r"interviewer|researcher|moderator|host|facilitator|observer|note[- ]?taker|\bpm\b|product manager|"
    r"ux|访谈|采访|主持|研究|调研|记录|观察|旁听|产品经理", re.IGNORECASE)
_CUSTOMER_ROLE = re.compile(r"customer|client|interviewee|respondent|受访|客户|访谈对象|嘉宾|用户(?!研究)",
                            re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:,|，|、|;|；|/|\band\b|&|和|以及)\s*(?![^(（]*[)）])")


def header_people(lines: list[str]) -> tuple[list[str], list[str]]:
    """(hosts, guests) named in the first 30 lines. Names only: roles and `记录：` prefixes dropped."""
    hosts: list[str] = []
    guests: list[str] = []
    for line in lines[:30]:
        match = _HEADER_ROLE.match(line)
        if not match or not reads_like_metadata(match.group("names")):
            continue  # "Host: Welcome back. Why robots?" is the host speaking, not a list of names
        key = match.group("key").lower()
        mixed = key.startswith(_MIXED_KEYS)
        for piece in _SEPARATORS.split(match.group("names")):
            role = " ".join(re.findall(r"[(（]([^)）]*)[)）]?", piece))
            name = re.sub(r"\s*[(（][^)）]*[)）]?", "", piece).strip(" *_")
            name = re.split(r"[:：]", name)[-1].strip(" *_")  # "记录：林可" -> "林可"
            if not name or len(name) > 40 or len(name.split()) > 4:
                continue
            if mixed:
                side = (hosts if _RESEARCH_ROLE.search(role) else guests if _CUSTOMER_ROLE.search(role)
                        else None)
            else:
                side = guests if key.startswith(_GUEST_KEYS) else hosts
            if side is not None:
                side.append(name)
    return hosts, guests
