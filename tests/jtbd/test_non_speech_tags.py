"""Sound and event tags that transcription tools write ([Music], (laughs), [inaudible 00:12:03],
[笑声]) are nobody's words: they never open a turn, never join a customer's turn as a line of
its own, and never appear inside a quote."""

from __future__ import annotations

from icp_coach.domain.jtbd_text import split_sentences
from icp_coach.domain.non_speech import is_only_non_speech
from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor
from icp_coach.transcripts.loader import parse_transcript

ZOOM_VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
[Music]

00:00:04.000 --> 00:00:09.000
<v Dana>So tell me how you planned the deliveries before.</v>

00:00:09.000 --> 00:00:15.000
<v Raj>Honestly we were losing orders every week because the whiteboard was wrong. [Laughter]</v>

00:00:15.000 --> 00:00:18.000
[Music]
"""

PLAIN_ZH = """[音乐]
小周：您之前是怎么排单的？
老陈：以前都是手写在本子上，[笑声] 经常漏单，客户打电话来骂。
（听不清）
老陈：后来我们担心换系统要停工好几天。
"""


def test_a_tag_alone_is_not_speech_before_the_first_speaker_nor_part_of_the_last_turn() -> None:
    transcript = parse_transcript(ZOOM_VTT, "call.vtt", fmt="vtt")
    assert [t.speaker for t in transcript.turns] == ["Dana", "Raj"]
    assert not any("before any speaker" in w for w in transcript.warnings)
    assert "[Music]" not in transcript.turns[-1].text


def test_tag_lines_in_a_chinese_text_transcript_are_dropped() -> None:
    transcript = parse_transcript(PLAIN_ZH, "call.txt")
    assert [t.speaker for t in transcript.turns] == ["小周", "老陈"]
    assert "听不清" not in transcript.turns[-1].text
    assert not any("no speaker" in w for w in transcript.warnings)


def test_sentences_never_hold_a_tag_and_stay_verbatim() -> None:
    text = "We were [laughs] losing money. [crosstalk] And I was worried about the switch."
    pieces = [text[a:b] for a, b in split_sentences(text, "en")]
    assert pieces == ["We were", "losing money.", "And I was worried about the switch."]
    zh = "以前都是手写在本子上，[笑声] 经常漏单。"
    assert [zh[a:b] for a, b in split_sentences(zh, "zh")] == ["以前都是手写在本子上，", "经常漏单。"]


def test_asides_with_words_of_their_own_are_speech() -> None:
    assert is_only_non_speech("[Music]") and is_only_non_speech("（听不清）")
    assert is_only_non_speech("[inaudible 00:12:03]") and is_only_non_speech("♪ ♪")
    assert not is_only_non_speech("[the old CRM]")
    assert not is_only_non_speech("(our ops lead)")


def test_no_quote_or_chosen_solution_comes_from_a_tag() -> None:
    transcript = parse_transcript(ZOOM_VTT, "call.vtt", fmt="vtt")
    dumped = OfflineJTBDExtractor().extract_jtbd(transcript).model_dump_json()
    assert "Music" not in dumped and "Laughter" not in dumped
    assert "losing orders every week" in dumped  # the push itself is still found
