"""Paragraph-aligned chunks of long text (notes for a model's context, knowledge documents)."""

from __future__ import annotations

import re


def chunk_paragraphs(text: str, max_chars: int) -> list[str]:
    """Pieces of at most `max_chars`, cut between paragraphs (blank lines); a paragraph longer
    than that is cut into `max_chars` slices. Short text comes back whole."""
    if len(text) <= max_chars:
        return [text]
    pieces: list[str] = []
    current = ""
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = paragraph.strip()
        while len(paragraph) > max_chars:  # one huge paragraph: cut it
            if current:
                pieces.append(current)
                current = ""
            pieces.append(paragraph[:max_chars])
            paragraph = paragraph[max_chars:]
        if current and len(current) + len(paragraph) + 2 > max_chars:
            pieces.append(current)
            current = ""
        current = f"{current}\n\n{paragraph}" if current else paragraph
    if current:
        pieces.append(current)
    return [piece for piece in pieces if piece.strip()]
