"""The trade a note's title names, when the body never states its target.

People title their notes after the segment: "Playbook: independent hearing clinics", "Objective:
win the independent bike shop", "# 琴行客户画像", "OKR：下半年打透铝型材挤压厂". The title is read for
a noun phrase that ends in a business noun (shop, clinics, 店, 厂 ...): the words that introduce
it (a verb, an article, a time, the note's own vocabulary: "notes", "ICP", "画像") are dropped. A
title that ends otherwise ("Notes from the founder call") names no trade.
"""

from __future__ import annotations

import re
from dataclasses import replace

from icp_coach.engines.offline.extraction.segments import Segment, labelled_segments

_META_EN = re.compile(r"(?<![A-Za-z])(?:icp|notes?|draft|playbook|memo|call|script|workshop|segment"
                      r"|persona|profile|brief|summary|okr|objective|kr\d*|q[1-4]|fy\d+|v\d+)(?![A-Za-z])",
                      re.IGNORECASE)
_BUSINESS_EN = re.compile(
    r"(?:shops?|stores?|studios?|clinics?|practices?|firms?|companies|company|contractors?|labs?"
    r"|agencies|agency|cent(?:er|re)s?|schools?|workshops?|mills?|plants?|factories|factory"
    r"|dealers?|dealerships?|distributors?|manufacturers?|makers?|operators?|providers?"
    r"|restaurants?|salons?|gyms?|parlou?rs?|offices?|chains?|outfitters?|rinks?|parks?|arenas?"
    r"|halls?|farms?|breweries|brewery|wineries|winery|bakeries|bakery|hotels?|venues?)$",
    re.IGNORECASE)
_NOT_TRADE_EN = re.compile(
    r"(?:the|a|an|our|their|for|to|of|with|on|about|in|at|and|or|win|winning|target|targeting"
    r"|chase|chasing|sell|selling|land|landing|crack|cracking|go|after|more|new|next|top|into"
    r"|from|by|vs|is|are|we|us|who|which|what)", re.IGNORECASE)
_META_ZH = re.compile(r"(?:客户画像|画像|客户|会议纪要|纪要|会议|备注|记录|复盘|方案|计划|笔记|草稿|OKR|目标)$")
_LEAD_ZH = re.compile(r"^(?:(?:下半年|上半年|今年|明年|本季度|本月|[Qq][1-4]|20\d\d年?)?(?:的)?"
                      r"(?:打透|拿下|主攻|攻下|聚焦|深耕|拓展|开拓|签下|突破|做透|搞定|拿|攻|做)?)")
_BUSINESS_ZH = re.compile(r"(?:店|厂|公司|馆|院|中心|机构|工作室|作坊|门店|诊所|工坊|企业|园|场|琴行|车行|商行)$")


def trade_in_title(title: str) -> list[Segment]:
    """The segments a title names ([] when it names none)."""
    text = re.sub(r"^[#>*\s\d.、一二三四五六七八九十【\[]+|[】\]*\s]+$", "", title)
    text = re.split(r"[:：|｜]\s*", text)[-1].strip(" -–—.")
    if re.search(r"[\u4e00-\u9fff]", text):
        previous = None
        while previous != text:
            previous, text = text, _META_ZH.sub("", text).strip(" 的")
        text = _LEAD_ZH.sub("", text)
        if not _BUSINESS_ZH.search(text) or not 2 <= len(text) <= 14:
            return []
        return labelled_segments(text)
    words = [w for w in re.findall(r"[A-Za-z][\w'&-]*", text) if not _META_EN.fullmatch(w)]
    if not words or not _BUSINESS_EN.fullmatch(words[-1]):
        return []
    kept: list[str] = []
    for word in reversed(words):
        if _NOT_TRADE_EN.fullmatch(word):
            break
        kept.insert(0, word)
    if len(kept) < 2 or len(kept) > 5:
        return []
    # "the independent bike shop": a trade is named in the plural, as its entries are.
    return [replace(s, words=_plural(s.words)) for s in labelled_segments(" ".join(kept))]


def _plural(words: str) -> str:
    if not words or re.search(r"(?:s|ing|try|ware|ice|care)$", words):
        return words
    return words[:-1] + "ies" if re.search(r"[^aeiou]y$", words) else words + "s"
