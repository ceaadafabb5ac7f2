"""Lines a meeting or chat tool writes into an export that nobody said.

- bare timestamps on their own line (`00:05:00`, Google Meet's five-minute marks);
- the tool's own notices: `Transcribed by https://otter.ai`, `Meeting ended after 00:42:10`,
  `This editable transcript was computer generated ...`, Gemini's review reminder,
  `Dana started transcription`, `Leo left the meeting`, `以上内容由 AI 生成，仅供参考`;
- a chat export's own head: QQ's `消息记录（此消息记录为文本格式，不支持重新导入）`, its `=====` rules
  and `消息分组:` / `消息对象:` lines;
- chat notices: `赵敏撤回了一条消息`, `"Leo" recalled a message`, `You recalled a message`, and what
  was sent instead of text: `[文件] 报价单.pdf`, `[链接] 标题`, `[File] quote.pdf`.
Voice-to-text prefixes (`转文字：`) are formatting: `voice_text` strips them and keeps the words.
"""

from __future__ import annotations

import re

from icp_coach.transcripts.label_lines import TS

_BARE_TIME = re.compile(rf"^\s*[\[(（]?\s*{TS}\s*[\])）]?\s*$")
_SOMEONE = r"(?!(?:i|we|you|he|she|they|it|someone|everyone|nobody|then|so|and)\b)\S"  # a name, not speech
_ZH_NAME = r"(?![我你他她它咱]|大家|后来|然后|结果|就)[^\s，。！？,.!?:：]{1,20}?"
_NOTICES = re.compile(
    r"^\s*(?:"
    r"transcribed by\b.*|(?:this )?transcript(?:ion)? (?:was )?(?:computer|automatically|auto)[- ]generated.*"
    r"|this editable transcript was computer generated.*|meeting ended after\b.*"
    r"|you should review gemini'?s notes.*|get tips and learn how gemini takes notes.*"
    r"|please provide feedback about using gemini.*|view recording\b.*|powered by\b.*"
    r"|ai-generated content may be inaccurate.*"
    r"|\[(?:文件|链接|小程序|名片|视频号|聊天记录|file|link|contact card|mini program)\].*"
    rf"|{_SOMEONE}[^:：]{{0,60}}? (?:started|stopped|paused|resumed) (?:transcription|transcribing|recording)\.?"
    rf"|{_SOMEONE}[^:：]{{0,60}}? (?:joined|left) the (?:meeting|call)\.?|recording (?:started|stopped)\.?"
    rf"|{_ZH_NAME}(?:开始|停止|暂停|结束)(?:了)?(?:转写|转录|录制|录音)"
    rf"|{_ZH_NAME}(?:加入|离开|退出)(?:了)?(?:会议|通话)"
    r"|(?:以上|本|该)?(?:会议|文档)?(?:内容|纪要|摘要|总结|文字记录|智能纪要)?(?:均)?由\s*(?:ai|人工智能)\s*(?:智能)?生成.*"
    r"|[\"“]?.{1,40}?[\"”]?\s*撤回了一条消息|你撤回了一条消息"
    r"|[\"“]?.{1,40}?[\"”]?\s*recalled a message\.?"
    r"|消息记录[（(]此消息记录为文本格式.*|={8,}|消息(?:分组|对象)\s*[:：].*"
    r")\s*$", re.IGNORECASE)
_VOICE_PREFIX = re.compile(r"^\s*(?:\[\s*)?(?:语音)?转(?:文字|写)(?:\s*\])?\s*[:：]\s*")


def is_tool_line(line: str) -> bool:
    """True for a timestamp alone or a notice the tool wrote (never anyone's words)."""
    return bool(_BARE_TIME.match(line) or _NOTICES.match(line))


def voice_text(line: str) -> str:
    """`转文字：我们现在...` -> `我们现在...`: the words of a voice message, without the prefix."""
    return _VOICE_PREFIX.sub("", line, count=1)
