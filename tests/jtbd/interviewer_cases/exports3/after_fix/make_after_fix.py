"""Six more cases written after the readers were fixed (helper exports3, 2026-12-04), in other
trades and other variants of the same families; scored once (see ../README.md)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

ICE = [  # Messenger message_1.json, newest first, UTF-8 read as Latin-1
    ("Lena Vogt", "Thanks for chatting. How do clients order an ice sculpture from you?"),
    ("Raúl Méndez", "They email a sketch, then we talk on the phone about size and the venue."),
    ("Lena Vogt", "What usually goes wrong?"),
    ("Raúl Méndez", "The venue. Nobody tells me the room is warm until I arrive and the swan is already dripping."),
    ("Lena Vogt", "How often does that happen?"),
    ("Raúl Méndez", "Twice this winter. One wedding got a swan without a head by the speeches."),
    ("Lena Vogt", "What would you want to know beforehand?"),
    ("Raúl Méndez", "The room temperature and how long the piece stands, before I quote."),
]
CANOE = [  # Airtable CSV: Transcript Line, Speaker Name, Start (s), Sentiment, Record ID
    ("Mia Chen", "How do people rent a canoe from you today?"),
    ("Gus Harlan", "They walk up to the shed, and on weekends the queue goes down to the car park."),
    ("Mia Chen", "What does the queue cost you?"),
    ("Gus Harlan", "People leave. I watched a family of five give up last Sunday after twenty minutes."),
    ("Mia Chen", "Have you tried taking bookings?"),
    ("Gus Harlan", "A phone line, but I cannot answer it with wet hands on the dock."),
    ("Mia Chen", "Thanks, that is really useful."),
]
CANDLE = [  # Telegram copied messages: "Name, [dd.mm.yy hh:mm]" above the text
    ("Ivy Moss", "Thanks for agreeing to this. How do you plan a batch of candles?"),
    ("Hal Grier", "I write the scents on a chalkboard and pour whatever is lowest on the shelf."),
    ("Ivy Moss", "How do you know what is lowest?"),
    ("Hal Grier", "I count by eye. In November I ran out of cedar twice because the count was wrong."),
    ("Ivy Moss", "What did running out cost?"),
    ("Hal Grier", "Two shop orders cancelled, about four hundred pounds."),
    ("Ivy Moss", "Thank you, Hal."),
]
TANGHUA = [  # 微信聊天导出（第三方工具）：`昵称 日期 时间` 一行，消息在下面；有撤回提示
    ("小吴", "师傅您好，谢谢您愿意聊。您现在出摊前怎么准备糖料？"),
    ("老孙", "头天晚上熬好，装在铁罐里，第二天看天气带多少。"),
    ("小吴", "看天气会出什么问题？"),
    ("老孙", "一下雨糖就返潮，上周末整整一罐糖化成了一坨，白熬了。"),
    ("小吴", "这种情况多吗？"),
    ("老孙", "梅雨季节一个月能碰上五六回，算下来亏好几百。"),
    ("小吴", "好的，谢谢您！"),
]
MIANSU = [  # 飞书多维表格导出的 Excel：记录ID、内容、说话人、时间
    ("苏老师", "您好，您现在面塑课是怎么收学员报名的？"),
    ("钟师傅", "家长在群里接龙，我再一个个抄到本子上。"),
    ("苏老师", "抄的时候会出错吗？"),
    ("钟师傅", "经常漏人，上个月有个孩子来了才发现没给他留面团。"),
    ("苏老师", "那时候您怎么处理的？"),
    ("钟师傅", "只能把我自己的那份给他，课上我就只能干讲。"),
    ("苏老师", "明白了，谢谢您。"),
]
RUBBING = [  # Azure 批量转写：recognizedPhrases、nBest、speaker 1 / 2、ISO 时长；客户先开口
    (2, "喂，您好，声音清楚吗？"),
    (1, "很清楚，谢谢您抽时间。您工作室现在怎么接拓片的订单？"),
    (2, "都是博物馆和藏家打电话来，我拿本子记尺寸和纸张。"),
    (1, "用本子记有什么麻烦？"),
    (2, "尺寸记错最要命，去年有一张碑拓裱好了才发现比框小了三厘米。"),
    (1, "后来怎么解决的？"),
    (2, "只能重拓一张，来回又跑了一趟山里，三天没了。"),
    (1, "好的，非常感谢。"),
]
GOLD = {
    "en11_ice_sculpture_messenger.json": {"interviewers": ["Lena Vogt"], "customers": ["Raúl Méndez"], "quotes": [
        "the swan is already dripping", "One wedding got a swan without a head",
        "The room temperature and how long the piece stands"]},
    "en12_canoe_rental_airtable.csv": {"interviewers": ["Mia Chen"], "customers": ["Gus Harlan"], "quotes": [
        "the queue goes down to the car park", "a family of five give up last Sunday",
        "I cannot answer it with wet hands on the dock"]},
    "en13_candles_telegram_copy.txt": {"interviewers": ["Ivy Moss"], "customers": ["Hal Grier"], "quotes": [
        "pour whatever is lowest on the shelf", "I ran out of cedar twice", "Two shop orders cancelled"]},
    "zh11_tanghua_wechat_export.txt": {"interviewers": ["小吴"], "customers": ["老孙"], "quotes": [
        "头天晚上熬好，装在铁罐里", "整整一罐糖化成了一坨，白熬了", "梅雨季节一个月能碰上五六回"]},
    "zh12_miansu_feishu_base.xlsx": {"interviewers": ["苏老师"], "customers": ["钟师傅"], "quotes": [
        "家长在群里接龙，我再一个个抄到本子上", "来了才发现没给他留面团", "课上我就只能干讲"]},
    "zh13_rubbing_azure.json": {"interviewers": ["1"], "customers": ["2"], "quotes": [
        "我拿本子记尺寸和纸张", "裱好了才发现比框小了三厘米", "只能重拓一张，来回又跑了一趟山里"]},
}


def messenger() -> dict[str, Any]:
    messages = [{"sender_name": who.encode("utf-8").decode("latin-1"), "timestamp_ms": 1773309720000 + 40000 * i,
                 "content": text.encode("utf-8").decode("latin-1"), "is_geoblocked_for_viewer": False}
                for i, (who, text) in enumerate(ICE)]
    return {"participants": [{"name": "Lena Vogt"}, {"name": "Ra\u00c3\u00bal M\u00c3\u00a9ndez"}],
            "messages": list(reversed(messages)), "title": "Raúl Méndez".encode().decode("latin-1"),
            "is_still_participant": True, "thread_path": "inbox/raulmendez_1029"}


def airtable() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Transcript Line", "Speaker Name", "Start (s)", "Sentiment", "Record ID"])
    for i, (who, text) in enumerate(CANOE):
        writer.writerow([text, who, f"{i * 17.5:.1f}", "negative" if i in (3, 5) else "", f"rec{i:04d}Xq"])
    return out.getvalue()


def telegram_copy() -> str:
    return "\n\n".join(f"{who}, [12.03.26 10:{2 + i:02d}]\n{text}" for i, (who, text) in enumerate(CANDLE)) + "\n"


def wechat() -> str:
    lines = ["聊天记录：老孙", "导出时间：2026-03-13 09:00:00", ""]
    for i, (who, text) in enumerate(TANGHUA):
        if i == 3:
            lines += ['"老孙"撤回了一条消息', ""]
        lines += [f"{who} 2026-03-12 20:{10 + i:02d}:05", text, ""]
    return "\n".join(lines)


def feishu_xlsx() -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["记录ID", "内容", "说话人", "时间"])
    for i, (who, text) in enumerate(MIANSU):
        sheet.append([f"rec{i:03d}", text, who, f"00:0{i}:1{i}"])
    workbook.save(HERE / "zh12_miansu_feishu_base.xlsx")


def azure() -> dict[str, Any]:
    phrases = [{"recognitionStatus": "Success", "channel": 0, "speaker": who, "offset": f"PT{4 * i + 0.4:.1f}S",
                "duration": "PT3.2S", "offsetInTicks": (4 * i + 0.4) * 1e7, "durationInTicks": 3.2e7,
                "nBest": [{"confidence": 0.91, "lexical": text, "itn": text, "maskedITN": text, "display": text}]}
               for i, (who, text) in enumerate(RUBBING)]
    return {"source": "https://example.blob/rubbing.wav", "timestamp": "2026-03-12T10:30:00Z",
            "durationInTicks": 3.4e8, "duration": "PT34S",
            "combinedRecognizedPhrases": [{"channel": 0, "lexical": "", "display": "".join(t for _, t in RUBBING)}],
            "recognizedPhrases": phrases}


if __name__ == "__main__":
    (HERE / "en11_ice_sculpture_messenger.json").write_text(json.dumps(messenger(), indent=2), encoding="utf-8")
    (HERE / "en12_canoe_rental_airtable.csv").write_text(airtable(), encoding="utf-8")
    (HERE / "en13_candles_telegram_copy.txt").write_text(telegram_copy(), encoding="utf-8")
    (HERE / "zh11_tanghua_wechat_export.txt").write_text(wechat(), encoding="utf-8")
    feishu_xlsx()
    (HERE / "zh13_rubbing_azure.json").write_text(json.dumps(azure(), ensure_ascii=False, indent=2), encoding="utf-8")
    (HERE / "gold.json").write_text(json.dumps(GOLD, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
