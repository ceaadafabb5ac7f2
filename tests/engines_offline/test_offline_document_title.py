"""A notes file's own title names the document; it does not rule out what follows it."""

from __future__ import annotations

import pytest

from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

BODY = ("- Veterinary clinic groups in the United States, 20 to 300 employees.\n"
        "- Walk away from single-vet practices.\n")


@pytest.mark.parametrize("title", ["# ICP notes", "# Misc thoughts on who we sell to", "# Notes"])
def test_a_title_that_sounds_like_an_aside_still_lets_the_notes_be_read(title: str) -> None:
    result = extract_notes(f"{title}\n\n{BODY}", OfflineExtractor(use_embeddings=False))
    profile = result.document.firmographics
    assert profile.employees.min == 20 and profile.employees.max == 300


def test_a_misc_section_inside_the_notes_is_still_set_aside() -> None:
    notes = f"# Who we sell to\n\n{BODY}\n## Misc\n\n- 40 to 60 employees would be a stretch goal\n"
    result = extract_notes(notes, OfflineExtractor(use_embeddings=False))
    assert result.document.firmographics.employees.max == 300
