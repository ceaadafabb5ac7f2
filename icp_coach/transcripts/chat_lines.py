"""Chat apps' text exports, their message stamps made plain so `label_lines` reads the sender.

- WhatsApp (iOS): `[12/03/2026, 10:02:00] Name: text`, `[3/12/26, 2:02:11 PM] Name: text`;
- WhatsApp (Android) and others: `12/03/2026, 10:02 - Name: text`, `2026/3/12 10:02 - 名字: 消息`,
  `2026/3/12 下午2:02 - 名字: 消息`; `2026-03-12 10:02:33 名字：消息`;
become `[10:02:00] Name: text`. Telegram's copied messages, `Name, [12.03.26 10:02]` above the text,
become `Name 10:02` headers, and so do `名字: 2026-03-12 10:02:33` lines above the message. A date
alone on its line (`Mar 12, 2026 10:02:00 AM` above the sender's name, LINE's `2026.03.12 Thursday`)
is the app's and becomes a blank line. QQ's header lines (`2026-03-12 10:02:00 昵称(10001)`, the message
below) are read by `label_lines` as they are, once the group title in front (`【管理员】`) is off
and an e-mail account (`昵称<ab@qq.com>`) is written like a number, `昵称(ab@qq.com)`. What the app wrote instead of a message (`image omitted`,
`<Media omitted>`, `<省略影音内容>`, `This message was deleted`, the end-to-end encryption notice)
becomes a blank line. Only when at least two lines carry such a stamp, so a date in speech stays.
One line in, one line out.
"""

from __future__ import annotations

import re

_DATE = r"(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{4}年\d{1,2}月\d{1,2}日)"
_TIME = r"(?:上午|下午|凌晨|晚上|中午)?\s?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
_STAMP = re.compile(
    rf"^\s*\u200e?(?:\[(?P<bdate>{_DATE}),?\s+(?P<btime>{_TIME})\]\s*"
    rf"|(?P<date>{_DATE}),?\s+(?P<time>{_TIME})\s+[-–]\s+)(?P<rest>\S.*)$")
_ISO_DATE = r"\d{4}[./-]\d{1,2}[./-]\d{1,2}"
_PLAIN_STAMP = re.compile(rf"^\s*(?P<date>{_ISO_DATE})\s+(?P<time>{_TIME})\s+(?P<rest>\S.*)$")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*|周[一二三四五六日天]|星期[一二三四五六日天])"
_DATE_ONLY = re.compile(
    rf"^\s*(?:{_WEEKDAY},?\s+)?(?:{_DATE}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
    rf"(?:,?\s+{_TIME})?(?:\s*[(（]?{_WEEKDAY}[)）]?)?\s*$", re.IGNORECASE)
_TELEGRAM_HEADER = re.compile(rf"^\s*(?P<name>[^,\[\]\n]{{1,60}}),\s+\[(?:{_DATE})\s+(?P<time>{_TIME})\]\s*$")
_NAME_OVER_DATE = re.compile(rf"^\s*(?P<name>[^:：\n]{{1,40}}?)\s?[:：]\s*(?P<stamp>{_ISO_DATE}\s+{_TIME})\s*$")
_SENDER = re.compile(r"^(?P<name>[^:：\n]{1,60}?)\s?[:：]\s?(?P<text>.*)$")
_NOT_A_MESSAGE = re.compile(
    r"^\s*\u200e?(?:<?\s*(?:media|image|video|audio|sticker|gif|document|contact card)\s+omitted\s*>?"
    r"|<附件：.*>|<省略影音内容>|<已省略媒体>|(?:图片|视频|音频|贴图)已省略"
    r"|this message was deleted|you deleted this message|此消息已删除|你删除了此消息"
    r"|messages and calls are end-to-end encrypted.*|消息和通话已进行端到端加密.*"
    r"|.*\bcreated group\b.*|.*\badded you\b.*|null)\s*$", re.IGNORECASE)


_QQ_HEADER = re.compile(
    r"^(?P<stamp>\s*\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}:\d{2}\s+)(?:【[^】]{1,10}】)?"
    r"(?P<name>[^\s<>()（）【】][^<>()（）【】\n]{0,40}?)(?:<(?P<mail>[^<>\s]+@[^<>\s]+)>|(?P<id>\(\d{4,12}\)))?\s*$")


def _qq_header(line: str) -> str | None:
    match = _QQ_HEADER.match(line)
    if not match or not (match.group("mail") or match.group("id") or "【" in line):
        return None
    account = f"({match.group('mail')})" if match.group("mail") else match.group("id") or ""
    return f"{match.group('stamp')}{match.group('name').strip()}{account}"


def _plain_time(written: str) -> str:
    return re.sub(r"^(?:上午|下午|凌晨|晚上|中午)\s?", "", written.strip())


def _plain_stamped(line: str) -> str | None:
    """`2026-03-12 10:02:33 名字：消息` (no separator after the time): only with a sender's colon."""
    match = _PLAIN_STAMP.match(line)
    sender = _SENDER.match(match.group("rest")) if match else None
    if not match or not sender or len(sender.group("name")) > 20:
        return None
    return f"[{_plain_time(match.group('time'))}] {sender.group('name').strip()}: {sender.group('text').strip()}"


def _header_form(line: str) -> str | None:
    """Telegram's `Name, [12.03.26 10:02]` and `名字: 2026-03-12 10:02:33` as `Name 10:02` headers."""
    match = _TELEGRAM_HEADER.match(line)
    if match:
        return f"{match.group('name').strip()}  {_plain_time(match.group('time'))}"
    match = _NAME_OVER_DATE.match(line)
    if match:
        return f"{match.group('name').strip()} {match.group('stamp').strip()}"
    return None


def _rewritten(line: str) -> str | None:
    match = _STAMP.match(line)
    if not match:
        return None
    time = _plain_time(match.group("btime") or match.group("time"))
    rest = match.group("rest")
    sender = _SENDER.match(rest)
    if sender is None:  # "... - Messages and calls are end-to-end encrypted": the app's notice
        return ""
    if _NOT_A_MESSAGE.match(sender.group("text").replace("\u200e", "")):
        return ""
    return f"[{time}] {sender.group('name').strip()}: {sender.group('text').replace(chr(0x200e), '').strip()}"


def plain_chat_stamps(lines: list[str]) -> list[str]:
    """The same lines, chat message stamps written `[time] Name: text`."""
    for rewrite in (_rewritten, _plain_stamped, _header_form, _qq_header):
        rewritten = [rewrite(line) for line in lines]
        if sum(new is not None for new in rewritten) >= 2:
            lines = [new if new is not None else old for old, new in zip(lines, rewritten, strict=True)]
    return ["" if _DATE_ONLY.match(line) else line for line in lines]  # never anyone's words
