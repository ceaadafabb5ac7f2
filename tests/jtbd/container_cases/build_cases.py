"""Write the container cases: each interview of `dialogues` in a spreadsheet or a speech service's
JSON, shaped as the services document their output, with a `.gold.json` beside it.

    PYTHONPATH=. .venv/bin/python tests/jtbd/container_cases/build_cases.py
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).parent))
import container_dialogues as d  # noqa: E402

HERE = Path(__file__).parent
_EN_SENTENCES = re.compile(r"(?<=[.?!])\s+")
_ZH_SENTENCES = re.compile(r"(?<=[。？！])")
_ZH_PUNCT = "，。？！、"


def sentences(text: str) -> list[str]:
    pattern = _ZH_SENTENCES if re.search(r"[\u4e00-\u9fff]", text) else _EN_SENTENCES
    return [part for part in pattern.split(text) if part.strip()]


def zh_words(sentence: str) -> list[str]:
    """Two characters a word, punctuation kept on the word before it (as Tingwu writes it)."""
    words: list[str] = []
    for char in sentence:
        joins = char in _ZH_PUNCT or len(words[-1]) == 1 and words[-1] not in _ZH_PUNCT if words else False
        if joins:
            words[-1] += char
        else:
            words.append(char)
    return words


def timeline(turns: d.Turns, per_char: float) -> list[tuple[str, str, float, float]]:
    """(speaker, sentence, start s, end s) with a plausible pace."""
    at = 1.0
    out = []
    for speaker, text in turns:
        for sentence in sentences(text):
            length = len(sentence) * per_char
            out.append((speaker, sentence, round(at, 2), round(at + length, 2)))
            at += length + 0.6
    return out


# --- spreadsheets ------------------------------------------------------------------------------

def _clock(seconds: float) -> dt.time:
    whole = int(seconds)
    return dt.time(whole // 3600, whole % 3600 // 60, whole % 60)


def upholstery_xlsx(path: Path) -> None:
    """Notes sheet first, a merged title row, a blank row, the header, speaker cells merged down
    over a speaker's follow-on rows, a blank row between exchanges."""
    book = Workbook()
    notes = book.active
    notes.title = "Notes"
    notes.append(["Interview notes"])
    notes.append(["Key point", "Paper job cards get lost; designer threatened to leave"])
    sheet = book.create_sheet("Transcript")
    sheet.append(["Interview: Bellini Upholstery, 12 March"])
    sheet.merge_cells("A1:C1")
    sheet.append([])
    sheet.append(["Time", "Speaker", "Text"])
    previous = None
    at = 5.0
    for speaker, text in d.UPHOLSTERY_EN:
        if speaker == "Dana (Research)" and previous is not None:
            sheet.append([])
        row = sheet.max_row + 1
        sheet.append([_clock(at), speaker, text])
        if speaker == previous:
            sheet.cell(row=row, column=2).value = None
            sheet.merge_cells(start_row=row - 1, start_column=2, end_row=row, end_column=2)
        previous = speaker
        at += len(text) / 14
    book.save(path)


def arborist_xlsx(path: Path) -> None:
    """One sheet; the transcript cell merged across two columns on each row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["Start", "Participant", "Transcript", None])
    sheet.merge_cells("C1:D1")
    at = 3.0
    for speaker, text in d.ARBORIST_EN:
        sheet.append([f"{int(at) // 60:02d}:{int(at) % 60:02d}", speaker, text, None])
        sheet.merge_cells(start_row=sheet.max_row, start_column=3, end_row=sheet.max_row, end_column=4)
        at += len(text) / 14
    book.save(path)


def cleaning_xlsx(path: Path) -> None:
    """Transcript first with a title row and 序号/时间/说话人/内容, a 备注 sheet after it."""
    book = Workbook()
    sheet = book.active
    sheet.title = "转写记录"
    sheet.append(["家政保洁公司客户访谈（2026年3月2日）"])
    sheet.merge_cells("A1:D1")
    sheet.append(["序号", "时间", "说话人", "内容"])
    at = 2.0
    for number, (speaker, text) in enumerate(d.CLEANING_ZH, start=1):
        if number == 6:
            sheet.append([])
        sheet.append([number, _clock(at), speaker, text])
        at += len(text) / 4
    notes = book.create_sheet("备注")
    notes.append(["访谈人备注"])
    notes.append(["客户主要痛点：派单靠打电话，重复派单。"])
    book.save(path)


def printing_xlsm(path: Path) -> None:
    """发言人/角色/文本 with blank rows; saved as a macro-enabled workbook name."""
    book = Workbook()
    sheet = book.active
    sheet.title = "访谈"
    sheet.append(["发言人", "角色", "文本"])
    for speaker, text in d.PRINTING_ZH:
        sheet.append([speaker, "访谈人" if speaker == "小吴" else "受访者", text])
        if speaker == "小吴":
            sheet.append([None, None, None])
    book.save(path)


# --- speech services' JSON ---------------------------------------------------------------------

def tencent_asr(turns: d.Turns) -> dict[str, Any]:
    """腾讯云 ASR DescribeTaskStatus with speaker diarization: Result text and ResultDetail."""
    speakers = {name: index for index, name in enumerate(dict.fromkeys(s for s, _ in turns))}
    detail: list[dict[str, Any]] = []
    lines: list[str] = []
    for speaker, sentence, start, end in timeline(turns, 0.22):
        ms, end_ms = int(start * 1000), int(end * 1000)
        words = zh_words(sentence)
        lines.append(f"[{int(start) // 60}:{start % 60:.3f},{int(end) // 60}:{end % 60:.3f},"
                     f"{speakers[speaker]}]  {sentence}")
        detail.append({"FinalSentence": sentence, "SliceSentence": " ".join(words),
                       "WrittenText": "", "StartMs": ms, "EndMs": end_ms, "WordsNum": len(words),
                       "Words": [{"Word": w, "OffsetStartMs": i * 200, "OffsetEndMs": i * 200 + 180}
                                 for i, w in enumerate(words)],
                       "SpeechSpeed": 4.2, "SpeakerId": speakers[speaker], "EmotionalEnergy": 0,
                       "SilenceTime": 300, "EmotionType": ["neutral"]})
    return {"Response": {"RequestId": "8824366f-7d6d-4d2a-9c35-5c4b0e1d2a11",
                         "Data": {"TaskId": 5231440981, "Status": 2, "StatusStr": "success",
                                  "AudioDuration": detail[-1]["EndMs"] / 1000,
                                  "Result": "\n".join(lines) + "\n", "ResultDetail": detail,
                                  "ErrorMsg": ""}}}


def tingwu(turns: d.Turns) -> dict[str, Any]:
    """通义听悟 GetTaskInfo result: Result.Transcription.Paragraphs[*].Words with SentenceId."""
    speakers = {name: str(index + 1) for index, name in enumerate(dict.fromkeys(s for s, _ in turns))}
    paragraphs: list[dict[str, Any]] = []
    word_id = 0
    for sentence_id, (speaker, sentence, start, _) in enumerate(timeline(turns, 0.22), start=1):
        if not paragraphs or paragraphs[-1]["SpeakerId"] != speakers[speaker]:
            paragraphs.append({"ParagraphId": f"1700000{len(paragraphs):04d}", "SpeakerId": speakers[speaker],
                               "Words": []})
        for index, word in enumerate(zh_words(sentence)):
            word_id += 1
            begin = int(start * 1000) + index * 220
            paragraphs[-1]["Words"].append({"Id": word_id, "SentenceId": sentence_id, "Start": begin,
                                            "End": begin + 200, "Text": word})
    return {"Code": "0", "Message": "success", "RequestId": "3A1B6C2D-0F9E-4C1B-8F77-2E1D7C9B0A55",
            "Data": {"TaskId": "e8adc0b3bc4b42d898fcadb0a1e6d6a5", "TaskStatus": "COMPLETED",
                     "Result": {"Transcription": {
                         "AudioInfo": {"Size": 2366520, "Duration": 147860, "SampleRate": 16000,
                                       "Language": "cn"},
                         "Paragraphs": paragraphs}}}}


def aliyun_filetrans(turns: d.Turns) -> dict[str, Any]:
    """阿里云智能语音 录音文件识别 GetTaskResult: Result.Sentences with BeginTime and SpeakerId."""
    speakers = {name: str(index + 1) for index, name in enumerate(dict.fromkeys(s for s, _ in turns))}
    return {"TaskId": "b5a9a7d0e6b54f3f9a0c7d1e2f3a4b5c", "RequestId": "F8E3A1C2-77B4-4B8A-9D3E-6C5B4A3D2E1F",
            "StatusText": "SUCCESS", "BizDuration": 151000, "SolveTime": 1766836802000,
            "StatusCode": 21050000,
            "Result": {"Sentences": [
                {"EndTime": int(end * 1000), "SilenceDuration": 0, "BeginTime": int(start * 1000),
                 "Text": sentence, "ChannelId": 0, "SpeechRate": 210, "EmotionValue": 6.1,
                 "SpeakerId": speakers[speaker]}
                for speaker, sentence, start, end in timeline(turns, 0.22)]}}


def tencent_meeting(turns: d.Turns) -> dict[str, Any]:
    """腾讯会议 录制转写详情: minutes.paragraphs[] with speaker_info.username, sentences, words."""
    paragraphs: list[dict[str, Any]] = []
    for speaker, text in turns:
        items = timeline([(speaker, text)], 0.22)
        offset = paragraphs[-1]["end_time"] + 800 if paragraphs else 1200
        sentences_out = []
        for index, (_, sentence, start, end) in enumerate(items):
            begin = offset + int(start * 1000)
            sentences_out.append({"sid": f"{len(paragraphs)}-{index}", "start_time": begin,
                                  "end_time": offset + int(end * 1000),
                                  "words": [{"wid": f"w{i}", "start_time": begin + i * 220,
                                             "end_time": begin + i * 220 + 200, "text": word}
                                            for i, word in enumerate(zh_words(sentence))]})
        paragraphs.append({"pid": str(len(paragraphs)), "start_time": sentences_out[0]["start_time"],
                           "end_time": sentences_out[-1]["end_time"],
                           "speaker_info": {"userid": f"u{zlib.crc32(speaker.encode()) % 100000}",
                                            "openid": "", "username": speaker},
                           "sentences": sentences_out})
    return {"minutes": {"paragraphs": paragraphs, "keywords": ["订货", "断货", "店长"]}, "audio_detect": 0}


def iflytek_onebest(turns: d.Turns) -> dict[str, Any]:
    """讯飞 lfasr getResult: `data` holds the sentence list as a JSON string."""
    rows = [{"bg": str(int(start * 1000)), "ed": str(int(end * 1000)), "onebest": sentence,
             "speaker": speaker} for speaker, sentence, start, end in timeline(turns, 0.22)]
    return {"data": json.dumps(rows, ensure_ascii=False), "err_no": 0, "failed": None, "ok": 0}


def _en_tokens(sentence: str) -> list[tuple[str, bool]]:
    """(token, is punctuation): the sentence's words with , . ? ! split off as Speechmatics does."""
    out: list[tuple[str, bool]] = []
    for word in sentence.split():
        core = word.rstrip(",.?!")
        if core:
            out.append((core, False))
        out += [(mark, True) for mark in word[len(core):]]
    return out


def speechmatics(turns: d.Turns) -> dict[str, Any]:
    """Speechmatics json-v2: word and punctuation results, speaker in alternatives[0]."""
    results = []
    for speaker, sentence, start, _ in timeline(turns, 0.06):
        at = start
        for token, punct in _en_tokens(sentence):
            item: dict[str, Any] = {"alternatives": [{"confidence": 0.98, "content": token, "language": "en",
                                                      "speaker": speaker}],
                                    "end_time": round(at + 0.3, 2), "start_time": round(at, 2),
                                    "type": "punctuation" if punct else "word"}
            if punct:
                item["attaches_to"] = "previous"
                item["is_eos"] = token in ".?!"
            results.append(item)
            at += 0.32
    return {"format": "2.9", "job": {"created_at": "2026-03-04T10:12:03.512Z", "data_name": "pool_call.m4a",
                                     "duration": 181, "id": "r3k9x2m1qz"},
            "metadata": {"created_at": "2026-03-04T10:14:41.100Z", "type": "transcription",
                         "transcription_config": {"language": "en", "diarization": "speaker"}},
            "results": results}


def google_stt(turns: d.Turns) -> dict[str, Any]:
    """Google Speech-to-Text v1 with diarization: per-result transcripts, then a last result whose
    words carry speakerTag."""
    results: list[dict[str, Any]] = []
    tagged: list[dict[str, Any]] = []
    for speaker, sentence, start, _ in timeline(turns, 0.06):
        words = []
        at = start
        for word in sentence.split():
            words.append({"startTime": f"{at:.3f}s", "endTime": f"{at + 0.3:.3f}s", "word": word})
            tagged.append({**words[-1], "speakerTag": int(speaker)})
            at += 0.32
        results.append({"alternatives": [{"transcript": sentence, "confidence": 0.93, "words": words}],
                        "resultEndTime": f"{at:.3f}s", "languageCode": "en-us"})
    results.append({"alternatives": [{"words": tagged}], "languageCode": "en-us"})
    return {"results": results, "totalBilledTime": "182s"}


def azure_batch(turns: d.Turns) -> dict[str, Any]:
    """Azure batch transcription result: recognizedPhrases with speaker and nBest[0].display."""
    phrases: list[dict[str, Any]] = []
    for speaker, sentence, start, end in timeline(turns, 0.06):
        lexical = re.sub(r"[^\w\s']", "", sentence).lower()
        phrases.append({"recognitionStatus": "Success", "channel": 0, "speaker": int(speaker),
                        "offset": f"PT{start:.2f}S", "duration": f"PT{end - start:.2f}S",
                        "offsetInTicks": start * 1e7, "durationInTicks": (end - start) * 1e7,
                        "nBest": [{"confidence": 0.91, "lexical": lexical, "itn": lexical,
                                   "maskedITN": lexical, "display": sentence}]})
    display = " ".join(p["nBest"][0]["display"] for p in phrases)
    return {"source": "https://example.blob.core.windows.net/calls/knife_call.wav",
            "timestamp": "2026-03-05T09:00:11Z", "durationInTicks": 1812300000, "duration": "PT3M1.23S",
            "combinedRecognizedPhrases": [{"channel": 0, "lexical": display.lower(), "itn": display.lower(),
                                           "maskedITN": display.lower(), "display": display}],
            "recognizedPhrases": phrases}


def sonix(turns: d.Turns) -> dict[str, Any]:
    """Sonix JSON export: transcript[] of speaker paragraphs, each with its words."""
    paragraphs: list[dict[str, Any]] = []
    for speaker, text in turns:
        start = paragraphs[-1]["end_time"] + 0.5 if paragraphs else 0.4
        words = []
        at = start
        for word in text.split():
            words.append({"text": word, "start_time": round(at, 2), "end_time": round(at + 0.3, 2)})
            at += 0.32
        paragraphs.append({"speaker": speaker, "start_time": round(start, 2), "end_time": round(at, 2),
                           "words": words})
    return {"name": "Brenner Taxidermy - studio call", "transcript": paragraphs}


def write_json(build: Callable[[d.Turns], dict[str, Any]]) -> Callable[[Path, d.Turns], None]:
    def write(path: Path, turns: d.Turns) -> None:
        path.write_text(json.dumps(build(turns), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return write


# (file, turns, writer, customers, interviewers, quotes): interviewers as the loader should label them
CASES: list[tuple[str, d.Turns, Any, list[str], list[str], list[str]]] = [
    ("upholstery_en.xlsx", d.UPHOLSTERY_EN, lambda p, _: upholstery_xlsx(p), ["Marco Bellini"],
     ["Dana (Research)"],
     ["Cards fell behind the board and nobody knew a chair was waiting on fabric.",
      "said she would go to the shop across town if I missed one more date",
      "I was afraid the older guys would refuse to type anything"]),
    ("arborist_en.xlsx", d.ARBORIST_EN, lambda p, _: arborist_xlsx(p), ["Kofi Mensah"], ["Interviewer"],
     ["A storm blows through and the whole board is wrong by Monday at seven.",
      "it wanted a year contract and training days we do not have",
      "the price mattered less than getting my Sundays back"]),
    ("cleaning_zh.xlsx", d.CLEANING_ZH, lambda p, _: cleaning_xlsx(p), ["刘经理"], ["访谈人"],
     ["最怕的是两个阿姨被派到同一家", "去年春节前订单翻了一倍，我一个人根本排不过来",
      "担心阿姨们年纪大，不会用手机接单"]),
    ("printing_zh.xlsm", d.PRINTING_ZH, lambda p, _: printing_xlsm(p), ["陈厂长"], ["小吴"],
     ["结果印错了三千个礼盒，纸和油墨全浪费了", "再交期延误就把明年的单子给别家",
      "太贵，实施要半年，我们等不起"]),
    ("recycling_zh_tencent_asr.json", d.RECYCLING_ZH, write_json(tencent_asr), ["Speaker 1"], ["Speaker 0"],
     ["半个月的账都看不清，跟打包站对不上", "没有单子就压价收", "我怕地磅连不上手机"]),
    ("herbal_zh_tingwu.json", d.HERBAL_ZH, write_json(tingwu), ["Speaker 2"], ["Speaker 1"],
     ["卡片一掉就不知道这袋黄芪是哪个产地的", "只能整批召回，损失了二十多万",
      "扫一下码就能查到从产地到出库的每一步"]),
    ("film_zh_aliyun.json", d.FILM_ZH, write_json(aliyun_filetrans), ["Speaker 2"], ["Speaker 1"],
     ["周末经常三台车等一个工位", "不提前约根本排不开", "担心老客户嫌预约麻烦"]),
    ("tea_zh_tencent_meeting.json", d.TEA_ZH, write_json(tencent_meeting), ["孙浩"], ["周雪（研究员）"],
     ["高峰期只能停卖两个招牌款", "我漏订了整整一天的水果，三家店同时断货", "怕系统太复杂，店员学不会"]),
    ("wedding_zh_iflytek.json", d.WEDDING_ZH, write_json(iflytek_onebest), ["Speaker 2"], ["Speaker 1"],
     ["最后谁也说不清哪一版是最终的", "司仪念错了新人父母的名字", "改了大家都能收到提醒"]),
    ("pool_en_speechmatics.json", d.POOL_EN, write_json(speechmatics), ["S2"], ["S1"],
     ["I could not prove we had been there.",
      "two of our biggest accounts said they would drop us without them",
      "the techs would skip the readings if the app was slow at the pool gate"]),
    ("bridal_en_google.json", d.BRIDAL_EN, write_json(google_stt), ["Speaker 2"], ["Speaker 1"],
     ["Two brides showed up for the same slot on a Saturday",
      "My seamstress said she would quit if Saturdays stayed like that.",
      "I thought older customers would not book online"]),
    ("knives_en_azure.json", d.KNIVES_EN, write_json(azure_batch), ["Speaker 2"], ["Speaker 1"],
     ["Some weeks I drove across the city three times for one knife roll.",
      "could not promise it with texts", "I worried the chefs would hate a booking form."]),
    ("taxidermy_en_sonix.json", d.TAXIDERMY_EN, write_json(sonix), ["Hal Brenner"], ["Priya"],
     ["One customer waited eleven months for a deer head",
      "I spent a weekend rebuilding it from receipts.",
      "I did not care about the fancy invoicing at all."]),
]


def main() -> None:
    for name, turns, write, customers, interviewers, quotes in CASES:
        said = " ".join(text for speaker, text in turns if speaker not in interviewers
                        and not (speaker.isdigit() and f"Speaker {speaker}" in interviewers))
        missing = [quote for quote in quotes if quote not in said]
        assert not missing, (name, missing)
        write(HERE / name, turns)
        gold = {"customers": customers, "interviewers": interviewers, "quotes": quotes}
        (HERE / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")
        print("wrote", name)


if __name__ == "__main__":
    main()
