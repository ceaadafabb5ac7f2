"""Four more container cases, written after the readers were built and scored once (see the
README one folder up). Trades: mobile notary, vending-machine operator, 地毯清洗公司, 社区团购团长.

    PYTHONPATH=. .venv/bin/python tests/jtbd/container_cases/fresh/build_fresh.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl import Workbook

HERE = Path(__file__).parent

NOTARY = [
    ("Sam Ortiz (UX research)", "Walk me through how signings were booked before the change."),
    ("Renee Park", "Title companies emailed me a PDF packet and a time, and I kept it all in a paper planner."),
    ("Sam Ortiz (UX research)", "What went wrong with that?"),
    ("Renee Park", "I showed up at a house for a refinance that had been moved to the next day. "
                   "Nobody told me and I drove forty miles for nothing."),
    ("Sam Ortiz (UX research)", "What made you switch?"),
    ("Renee Park", "One title company said they only use notaries who confirm in their portal within an hour."),
    ("Sam Ortiz (UX research)", "Anything you worried about?"),
    ("Renee Park", "I was scared of missing the portal pings while I was at a signing table. "
                   "I want every change to reach my phone before I get in the car."),
]
CARPET = [
    ("小林", "访谈人", "您以前上门洗地毯是怎么报价的？"),
    ("老郑", "客户", "以前都是师傅到了现场量面积再报价，"),
    ("老郑", "客户", "客户经常觉得比电话里说的贵。"),
    ("小林", "访谈人", "后来出过什么事？"),
    ("老郑", "客户", "有个酒店嫌报价变了，当场把我们的师傅赶走了，那一单白跑。"),
    ("小林", "访谈人", "您现在最想要什么？"),
    ("老郑", "客户", "我想让客户先拍照片，系统按面积和材质先给一个价，师傅到了不用再争。"),
]
VENDING = [
    ("1", "How did drivers know which machines to restock?"),
    ("2", "They drove the same loop every week and opened every machine, full or empty."),
    ("1", "What was the problem with that?"),
    ("2", "Half the stops were wasted trips while the gym machine sold out by Wednesday."),
    ("1", "What finally pushed you?"),
    ("2", "Fuel went up and my best driver said the loop was pointless. I want the route built from what each machine actually sold."),
]
GROUPBUY = [
    ("1", "您做团长以前怎么统计订单？"),
    ("2", "以前在群里接龙，我晚上一条一条抄到表格里。"),
    ("1", "这样有什么麻烦？"),
    ("2", "接龙经常有人改数量，我抄错了，第二天提货点少了二十份鸡蛋。"),
    ("1", "为什么想换工具？"),
    ("2", "群里三个小区加起来四百多人，我一个人根本抄不过来。希望下单以后自动汇总，我直接发给供应商。"),
]

CASES: list[tuple[str, list[str], list[str], list[str]]] = [
    ("notary_en.xlsx", ["Renee Park"], ["Sam Ortiz (UX research)"],
     ["I drove forty miles for nothing", "only use notaries who confirm in their portal within an hour",
      "I was scared of missing the portal pings"]),
    ("carpet_zh.xlsx", ["老郑"], ["小林"],
     ["客户经常觉得比电话里说的贵", "当场把我们的师傅赶走了", "师傅到了不用再争"]),
    ("vending_en_google_v2.json", ["Speaker 2"], ["Speaker 1"],
     ["Half the stops were wasted trips", "my best driver said the loop was pointless",
      "I want the route built from what each machine actually sold."]),
    ("groupbuy_zh_tingwu_file.json", ["Speaker 2"], ["Speaker 1"],
     ["我晚上一条一条抄到表格里", "第二天提货点少了二十份鸡蛋", "希望下单以后自动汇总"]),
]


def notary_xlsx(path: Path) -> None:
    """A Zoom-style Excel export: a header a few rows down under meeting details, a summary sheet after."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Transcript"
    sheet.append(["Meeting", "Notary workflow interview"])
    sheet.append(["Date", "2026-03-09"])
    sheet.append([])
    sheet.append(["Speaker Name", "Start Time", "Transcript Text"])
    for index, (speaker, text) in enumerate(NOTARY):
        sheet.append([speaker, f"00:{index:02d}:10", text])
    summary = book.create_sheet("Summary")
    summary.append(["Action items", "Send Renee the beta"])
    book.save(path)


def carpet_xlsx(path: Path) -> None:
    """角色 / 身份 / 发言内容 with the speaker cell merged over a speaker's follow-on rows."""
    book = Workbook()
    sheet = book.active
    sheet.append(["地毯清洗公司访谈"])
    sheet.merge_cells("A1:C1")
    sheet.append(["发言人", "身份", "发言内容"])
    previous = None
    for speaker, role, text in CARPET:
        sheet.append([None if speaker == previous else speaker, role, text])
        if speaker == previous:
            sheet.merge_cells(start_row=sheet.max_row - 1, start_column=1, end_row=sheet.max_row, end_column=1)
        previous = speaker
    book.save(path)


def google_v2(turns: list[tuple[str, str]]) -> dict[str, Any]:
    """Google STT v2: words with speakerLabel and startOffset, in every result."""
    results = []
    at = 0.0
    for speaker, text in turns:
        words = []
        for word in text.split():
            words.append({"startOffset": f"{at:.1f}s", "endOffset": f"{at + 0.3:.1f}s", "word": word,
                          "confidence": 0.9, "speakerLabel": speaker})
            at += 0.35
        results.append({"alternatives": [{"transcript": text, "confidence": 0.9, "words": words}],
                        "resultEndOffset": f"{at:.1f}s", "languageCode": "en-US"})
    return {"results": results, "metadata": {"totalBilledDuration": "60s"}}


def tingwu_file(turns: list[tuple[str, str]]) -> dict[str, Any]:
    """The 听悟 transcription file itself: TaskId and Transcription, punctuation as its own word."""
    paragraphs = []
    at = 500
    sentence = 0
    for speaker, text in turns:
        words: list[dict[str, Any]] = []
        sentence += 1
        for char in text:
            words.append({"Id": len(words), "SentenceId": sentence, "Start": at, "End": at + 180, "Text": char})
            at += 200
            if char in "。？！":
                sentence += 1
        paragraphs.append({"ParagraphId": str(at), "SpeakerId": speaker, "Words": words})
    return {"TaskId": "f1e2d3", "Transcription": {"AudioInfo": {"Duration": at}, "Paragraphs": paragraphs}}


def main() -> None:
    notary_xlsx(HERE / "notary_en.xlsx")
    carpet_xlsx(HERE / "carpet_zh.xlsx")
    for name, build, turns in (("vending_en_google_v2.json", google_v2, VENDING),
                               ("groupbuy_zh_tingwu_file.json", tingwu_file, GROUPBUY)):
        (HERE / name).write_text(json.dumps(build(turns), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for name, customers, interviewers, quotes in CASES:
        gold = {"customers": customers, "interviewers": interviewers, "quotes": quotes}
        (HERE / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")


if __name__ == "__main__":
    main()
