"""Writes each dialogue of `dialogues.py` in the layout a real export tool writes (run once; the
files it wrote are the cases, and gold.json beside them)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import dialogues as d

HERE = Path(__file__).resolve().parent
START = 10 * 3600 + 2 * 60  # 10:02:00


def times(turns: list, step: int = 23) -> list[int]:
    return [START + i * step for i in range(len(turns))]


def hms(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def hm(seconds: float) -> str:
    return hms(seconds)[:5]


def write(name: str, text: str) -> None:
    (HERE / name).write_text(text, encoding="utf-8")


def dump(name: str, document: object) -> None:
    write(name, json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def words(text: str) -> list[str]:
    return text.split()


def whatsapp_ios(turns: list) -> str:
    lines = [f"[12/03/2026, 09:58:02] {turns[0][0]}: \u200eMessages and calls are end-to-end encrypted. "
             "No one outside of this chat, not even WhatsApp, can read or listen to them."]
    for (who, text), t in zip(turns, times(turns), strict=True):
        first, _, rest = text.partition(". ")
        if who == "Walt Benner" and "whiteboard" in text:
            lines.append(f"[12/03/2026, {hms(t - 5)}] {who}: \u200eimage omitted")
        if len(text) > 90 and rest:  # a long message typed with a line break in it
            lines.append(f"[12/03/2026, {hms(t)}] {who}: {first}.")
            lines.append(rest)
        else:
            lines.append(f"[12/03/2026, {hms(t)}] {who}: {text}")
    return "\n".join(lines) + "\n"


def slack(turns: list) -> list:
    ids = {"Marco Ruiz": "U04MRUIZ1", "Denise Harlow": "U05DHARL2", "Jo Kim": "U06JOKIM3"}
    base = 1773309720
    messages = [{"type": "message", "subtype": "channel_join", "ts": f"{base - 60}.000100",
                 "user": ids["Denise Harlow"], "text": f"<@{ids['Denise Harlow']}> has joined the channel"}]
    for index, ((who, text), t) in enumerate(zip(turns, times(turns), strict=True)):
        message = {"client_msg_id": f"9f1c{index:04d}-aa", "type": "message", "text": text,
                   "user": ids[who], "ts": f"{base + t - START}.00{index:04d}", "team": "T02RESRCH",
                   "blocks": [{"type": "rich_text", "block_id": f"b{index}", "elements": [
                       {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}]}]}
        if who != "Denise Harlow" or index < 3:  # a guest's profile is not on every message
            message["user_profile"] = {"real_name": who, "display_name": who.split()[0].lower(),
                                       "name": who.split()[0].lower(), "is_restricted": who == "Denise Harlow"}
        messages.append(message)
    return messages


def discord(turns: list) -> dict:
    people = {"Tomasz": {"id": "884201", "name": "tomasz_k", "nickname": "Tomasz"},
              "Ellie": {"id": "771093", "name": "ellie.research", "nickname": "Ellie"}}
    messages = []
    for index, ((who, text), t) in enumerate(zip(turns, times(turns), strict=True)):
        author: dict[str, Any] = {**people[who], "discriminator": "0000", "color": None, "isBot": False,
                  "roles": [], "avatarUrl": "https://cdn.example/avatars/0.png"}
        messages.append({"id": str(1210000000 + index), "type": "Default",
                         "timestamp": f"2026-03-12T{hms(t + 9 * 3600)}.123+00:00", "timestampEdited": None,
                         "callEndedTimestamp": None, "isPinned": False, "content": text, "author": author,
                         "attachments": [], "embeds": [], "stickers": [], "reactions": [], "mentions": []})
    return {"guild": {"id": "55012", "name": "Meeple House", "iconUrl": ""},
            "channel": {"id": "55013", "type": "GuildTextChat", "categoryId": "1", "category": "Research",
                        "name": "interview-tomasz", "topic": None},
            "dateRange": {"after": None, "before": None}, "exportedAt": "2026-03-13T08:00:00+00:00",
            "messages": messages, "messageCount": len(messages)}


def assemblyai(turns: list) -> dict:
    utterances, all_words, clock = [], [], 800
    for who, text in turns:
        start, spoken = clock, []
        for word in words(text):
            spoken.append({"text": word, "start": clock, "end": clock + 280, "confidence": 0.97, "speaker": who})
            clock += 320
        utterances.append({"confidence": 0.95, "end": clock, "speaker": who, "start": start,
                           "text": text, "words": spoken})
        all_words += spoken
        clock += 600
    return {"id": "6rl1x9k2-0b7e", "status": "completed", "language_code": "en_us",
            "text": " ".join(t for _, t in turns), "words": all_words, "utterances": utterances,
            "audio_duration": clock // 1000, "speaker_labels": True, "confidence": 0.95}


def aws(turns: list) -> dict:
    items, segments, clock = [], [], 0.5
    for who, text in turns:
        start, seg_items = clock, []
        for word in words(text):
            bare = word.rstrip(".,?!")
            items.append({"start_time": f"{clock:.2f}", "end_time": f"{clock + 0.3:.2f}",
                          "alternatives": [{"confidence": "0.99", "content": bare}], "type": "pronunciation"})
            seg_items.append({"start_time": f"{clock:.2f}", "speaker_label": who, "end_time": f"{clock + 0.3:.2f}"})
            clock += 0.36
            if bare != word:
                items.append({"alternatives": [{"confidence": "0.0", "content": word[len(bare):]}],
                              "type": "punctuation"})
        segments.append({"start_time": f"{start:.2f}", "speaker_label": who, "end_time": f"{clock:.2f}",
                         "items": seg_items})
        clock += 0.8
    return {"jobName": "cattery-interview-0312", "accountId": "000000000000", "status": "COMPLETED",
            "results": {"transcripts": [{"transcript": " ".join(t for _, t in turns)}],
                        "speaker_labels": {"speakers": 3, "segments": segments}, "items": items}}


def notion_csv(turns: list) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Name", "Speaker", "Timestamp", "Tags", "Created time"])
    tags = {1: "workflow", 3: "pain", 5: "pain, trigger", 7: "cost", 9: "workaround"}
    for index, ((who, text), t) in enumerate(zip(turns, times(turns), strict=True)):
        writer.writerow([text, who, hms(t - START), tags.get(index, ""), "March 12, 2026 10:40 AM"])
    return "\ufeff" + out.getvalue()


def plain_numbered(turns: list) -> str:
    return "\n\n".join(f"{who}: {text}" for who, text in turns) + "\n"


def rev(turns: list) -> dict:
    monologues, clock = [], 0.4
    for who, text in turns:
        elements: list[dict[str, Any]] = []
        for index, word in enumerate(words(text)):
            bare = word.rstrip(".,?!")
            if index:
                elements.append({"type": "punct", "value": " "})
            elements.append({"type": "text", "value": bare, "ts": round(clock, 2),
                             "end_ts": round(clock + 0.3, 2), "confidence": 0.96})
            if bare != word:
                elements.append({"type": "punct", "value": word[len(bare):]})
            clock += 0.35
        monologues.append({"speaker": int(who), "elements": elements})
        clock += 0.9
    return {"monologues": monologues}


def telegram(turns: list) -> dict:
    ids = {"Nadia Brooks": "user6120031", "Owen Pryce": "user5870112"}
    messages: list[dict[str, Any]] = [{"id": 401, "type": "service", "date": "2026-03-12T10:01:30", "date_unixtime": "1773309690",
                 "actor": "Nadia Brooks", "actor_id": ids["Nadia Brooks"], "action": "phone_call",
                 "discard_reason": "missed", "text": "", "text_entities": []}]
    for index, ((who, text), t) in enumerate(zip(turns, times(turns), strict=True)):
        message = {"id": 402 + index, "type": "message", "date": f"2026-03-12T{hms(t)}",
                   "date_unixtime": str(1773309720 + t - START), "from": who, "from_id": ids[who]}
        head, sep, tail = text.partition(", ")
        if who == "Owen Pryce" and sep:  # part of the message in bold: Telegram writes a list
            message["text"] = [head + sep, {"type": "bold", "text": tail}]
            message["text_entities"] = [{"type": "plain", "text": head + sep}, {"type": "bold", "text": tail}]
        else:
            message["text"] = text
            message["text_entities"] = [{"type": "plain", "text": text}]
        messages.append(message)
    return {"name": "Owen Pryce", "type": "personal_chat", "id": 5870112, "messages": messages}


def qq(turns: list) -> str:
    numbers = {"小林": "2854410037", "阿芳": "1093385526"}
    lines = ["消息记录（此消息记录为文本格式，不支持重新导入）", "", "=" * 64, "消息分组:我的好友", "=" * 64,
             "消息对象:阿芳", "=" * 64, ""]
    for (who, text), t in zip(turns, times(turns), strict=True):
        if who == "阿芳" and "小红书" in text:
            lines += [f"2026-03-12 {hms(t - 4)} {who}({numbers[who]})", "[图片]", ""]
        lines += [f"2026-03-12 {hms(t)} {who}({numbers[who]})", text, ""]
    return "\r\n".join(lines)


def feishu_base_csv(turns: list) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["序号", "文本内容", "说话人", "开始时间", "标签"])
    for index, ((who, text), t) in enumerate(zip(turns, times(turns), strict=True), start=1):
        writer.writerow([index, text, who, hms(t - START), "痛点" if index in (4, 6, 10) else ""])
    return "\ufeff" + out.getvalue()


def notion_markdown(turns: list) -> str:
    rows = ["# 盆景园访谈（原始记录）", "", "| 序号 | 原话 | 谁说的 | 备注 |", "| --- | --- | --- | --- |"]
    notes = {4: "痛点", 6: "损失", 8: "尝试过"}
    for index, (who, text) in enumerate(turns, start=1):
        rows.append(f"| {index} | {text} | {who} | {notes.get(index, '')} |")
    return "\n".join(rows) + "\n"


def aliyun(turns: list) -> dict:
    sentences, clock = [], 120
    for who, text in turns:
        length = 180 * len(text)
        sentences.append({"EndTime": clock + length, "SilenceDuration": 0, "BeginTime": clock, "Text": text,
                          "ChannelId": 0, "SpeechRate": 200, "EmotionValue": 6.5, "SpeakerId": who})
        clock += length + 400
    return {"TaskId": "a1b2c3d4e5f6", "RequestId": "7F3E-91A0", "StatusText": "SUCCESS", "BizDuration": clock,
            "SolveTime": 1773310000000, "StatusCode": 21050000, "Result": {"Sentences": sentences}}


def tencent(turns: list) -> dict:
    detail, clock, summary = [], 120, []
    for who, text in turns:
        length = 190 * len(text)
        detail.append({"FinalSentence": text, "SliceSentence": " ".join(text), "WrittenText": "",
                       "StartMs": clock, "EndMs": clock + length, "WordsNum": len(text),
                       "Words": [{"Word": ch, "OffsetStartMs": 190 * i, "OffsetEndMs": 190 * (i + 1)}
                                 for i, ch in enumerate(text)],
                       "SpeechSpeed": 5.2, "SpeakerId": who, "EmotionalEnergy": 0, "SilenceTime": 0})
        summary.append(f"[0:{clock / 1000:.3f},0:{(clock + length) / 1000:.3f},{who}]  {text}")
        clock += length + 500
    return {"Response": {"RequestId": "c0ffee-01", "Data": {
        "TaskId": 88412097, "Status": 2, "StatusStr": "success", "AudioDuration": clock / 1000,
        "Result": "\n".join(summary) + "\n", "ResultDetail": detail, "ErrorMsg": ""}}}


def deepgram(turns: list) -> dict:
    paragraphs, all_words, clock = [], [], 0.3
    for who, text in turns:
        start = clock
        sentences = [s + "。" for s in text.rstrip("。").split("。") if s] if "。" in text else [text]
        sentence_rows = []
        for sentence in sentences:
            s_start = clock
            for i in range(0, len(sentence), 2):
                piece = sentence[i:i + 2]
                all_words.append({"word": piece, "start": round(clock, 2), "end": round(clock + 0.4, 2),
                                  "confidence": 0.93, "speaker": who, "speaker_confidence": 0.8,
                                  "punctuated_word": piece})
                clock += 0.45
            sentence_rows.append({"text": sentence, "start": round(s_start, 2), "end": round(clock, 2)})
        paragraphs.append({"sentences": sentence_rows, "speaker": who, "num_words": len(text) // 2,
                           "start": round(start, 2), "end": round(clock, 2)})
        clock += 0.7
    transcript = "".join(t for _, t in turns)
    return {"metadata": {"request_id": "d9e1-44", "duration": round(clock, 2), "channels": 1,
                         "models": ["nova-2"]},
            "results": {"channels": [{"alternatives": [{
                "transcript": transcript, "confidence": 0.93, "words": all_words,
                "paragraphs": {"transcript": "\n".join(f"Speaker {w}: {t}" for w, t in turns),
                               "paragraphs": paragraphs}}], "detected_language": "zh"}]}}


def whatsapp_android(turns: list) -> str:
    lines = ["2026/3/12 09:58 - 消息和通话已进行端到端加密。在此聊天之外，任何人都无法读取或收听它们，包括 WhatsApp。"]
    for (who, text), t in zip(turns, times(turns), strict=True):
        if who == "王教练" and "课表" in text:
            lines.append(f"2026/3/12 {hm(t - 60)} - {who}: <省略影音内容>")
        lines.append(f"2026/3/12 {hm(t)} - {who}: {text}")
    return "\n".join(lines) + "\n"


def whisper(texts: list) -> dict:
    segments, clock = [], 0.0
    for index, text in enumerate(texts):
        end = clock + 0.4 * len(text.split())
        segments.append({"id": index, "seek": 0, "start": round(clock, 2), "end": round(end, 2),
                         "text": " " + text, "tokens": [50364 + index], "temperature": 0.0,
                         "avg_logprob": -0.21, "compression_ratio": 1.4, "no_speech_prob": 0.02})
        clock = end + 0.5
    return {"text": " ".join(texts), "segments": segments, "language": "en"}


CASES = {
    "en01_reptile_whatsapp_ios.txt": (lambda: write("en01_reptile_whatsapp_ios.txt", whatsapp_ios(d.EN_REPTILE)), d.EN_REPTILE_GOLD),
    "en02_rug_cleaning_slack.json": (lambda: dump("en02_rug_cleaning_slack.json", slack(d.EN_RUG)), d.EN_RUG_GOLD),
    "en03_boardgame_cafe_discord.json": (lambda: dump("en03_boardgame_cafe_discord.json", discord(d.EN_BOARDGAME)), d.EN_BOARDGAME_GOLD),
    "en04_cinema_hire_assemblyai.json": (lambda: dump("en04_cinema_hire_assemblyai.json", assemblyai(d.EN_CINEMA)), d.EN_CINEMA_GOLD),
    "en05_cattery_aws_transcribe.json": (lambda: dump("en05_cattery_aws_transcribe.json", aws(d.EN_CATTERY)), d.EN_CATTERY_GOLD),
    "en06_lamp_repair_notion.csv": (lambda: write("en06_lamp_repair_notion.csv", notion_csv(d.EN_LAMP)), d.EN_LAMP_GOLD),
    "en07_pinball_person_numbers.txt": (lambda: write("en07_pinball_person_numbers.txt", plain_numbered(d.EN_PINBALL)), d.EN_PINBALL_GOLD),
    "en08_drum_school_rev.json": (lambda: dump("en08_drum_school_rev.json", rev(d.EN_DRUM)), d.EN_DRUM_GOLD),
    "en09_forge_telegram_result.json": (lambda: dump("en09_forge_telegram_result.json", telegram(d.EN_FORGE)), d.EN_FORGE_GOLD),
    "zh01_tiedye_qq.txt": (lambda: write("zh01_tiedye_qq.txt", qq(d.ZH_TIEDYE)), d.ZH_TIEDYE_GOLD),
    "zh02_brass_repair_feishu_base.csv": (lambda: write("zh02_brass_repair_feishu_base.csv", feishu_base_csv(d.ZH_BRASS)), d.ZH_BRASS_GOLD),
    "zh03_bonsai_notion_table.md": (lambda: write("zh03_bonsai_notion_table.md", notion_markdown(d.ZH_BONSAI)), d.ZH_BONSAI_GOLD),
    "zh04_rice_mill_aliyun.json": (lambda: dump("zh04_rice_mill_aliyun.json", aliyun(d.ZH_RICE)), d.ZH_RICE_GOLD),
    "zh05_erhu_tencent_asr.json": (lambda: dump("zh05_erhu_tencent_asr.json", tencent(d.ZH_ERHU)), d.ZH_ERHU_GOLD),
    "zh06_goldfish_deepgram.json": (lambda: dump("zh06_goldfish_deepgram.json", deepgram(d.ZH_GOLDFISH)), d.ZH_GOLDFISH_GOLD),
    "zh07_archery_whatsapp_android.txt": (lambda: write("zh07_archery_whatsapp_android.txt", whatsapp_android(d.ZH_ARCHERY)), d.ZH_ARCHERY_GOLD),
}

if __name__ == "__main__":
    for make, _ in CASES.values():
        make()
    dump("unreadable_whisper_no_speakers.json", whisper(d.EN_BONSAI_WHISPER))
    (HERE / "gold.json").write_text(json.dumps({name: gold for name, (_, gold) in CASES.items()},
                                               ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
