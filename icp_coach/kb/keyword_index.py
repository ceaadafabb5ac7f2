"""BM25 keyword ranking with tokens that work for English and Chinese alike.

Chinese has no spaces, so a run of Chinese characters becomes its overlapping character bigrams
("理想客户" -> 理想, 想客, 客户), a common, dictionary-free choice for Chinese retrieval.
Latin words are lower-cased, with a light plural strip so "customers" meets "customer".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

_TOKENS = re.compile(r"[\u3400-\u9fff]+|[a-z0-9]+(?:[-'][a-z0-9]+)*", re.IGNORECASE)
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "how", "i",
    "in", "is", "it", "its", "of", "on", "or", "our", "that", "the", "their", "this", "to",
    "was", "we", "what", "when", "which", "who", "why", "will", "with", "you", "your", "do",
    "does", "can", "should",
})
_ZH_STOP_CHARS = frozenset("的了是在和与及或")


def tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    for match in _TOKENS.finditer(text.lower()):
        piece = match.group(0)
        if _CJK_RUN.fullmatch(piece):
            chars = [char for char in piece if char not in _ZH_STOP_CHARS] or list(piece)
            if len(chars) == 1:
                tokens.append(chars[0])
            tokens.extend(chars[i] + chars[i + 1] for i in range(len(chars) - 1))
            continue
        if piece in _STOPWORDS:
            continue
        if len(piece) > 3 and piece.endswith("s") and not piece.endswith("ss"):
            piece = piece[:-1]
        tokens.append(piece)
    return tokens


class KeywordIndex:
    """Okapi BM25 over a fixed list of texts; rebuilt when the passages change (it is cheap)."""

    def __init__(self, texts: Sequence[str], *, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self._postings: dict[str, list[tuple[int, int]]] = {}
        self._lengths: list[int] = []
        for position, text in enumerate(texts):
            counts = Counter(tokenize(text))
            self._lengths.append(sum(counts.values()))
            for token, count in counts.items():
                self._postings.setdefault(token, []).append((position, count))
        self._average = (sum(self._lengths) / len(self._lengths)) if self._lengths else 0.0

    def __len__(self) -> int:
        return len(self._lengths)

    def scores(self, query: str) -> dict[int, float]:
        """BM25 score of every text sharing at least one token with the query."""
        total = len(self._lengths)
        result: dict[int, float] = {}
        for token in set(tokenize(query)):
            postings = self._postings.get(token)
            if not postings:
                continue
            idf = math.log(1 + (total - len(postings) + 0.5) / (len(postings) + 0.5))
            for position, count in postings:
                norm = 1 - self.b + self.b * self._lengths[position] / (self._average or 1)
                result[position] = result.get(position, 0.0) + idf * count * (self.k1 + 1) / (
                    count + self.k1 * norm)
        return result
