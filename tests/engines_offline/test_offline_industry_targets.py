"""The industries a person would write for a note: the one or two trades the note says the
customer is, in the note's words, and none of the trades it names in other roles (look-alikes,
exclusions, the customers' customers, suppliers, equipment, our own trade, the target's parent).

The fourteen notes in `notes_industries/` (new trades, English and Chinese, bullets, e-mail, chat,
table, Q&A, OKR, minutes, voice memo, prose) and their expected trades were written before the
engine saw them; the first run is recorded in docs/notes/offline-engine.md."""

from __future__ import annotations

from pathlib import Path

import pytest
from industry_gold import folder_gold
from industry_gold import meets as _meets

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

FOLDER = Path(__file__).parent / "notes_industries"
GOLD = folder_gold(FOLDER)


@pytest.fixture(scope="module")
def predicted() -> dict[str, list[str]]:
    extractor = OfflineExtractor(embedder=BundledEmbedder())
    return {name: list(extract_notes((FOLDER / name).read_text("utf-8"), extractor)
                       .document.firmographics.industries) for name in GOLD}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_no_trade_named_in_another_role_is_a_target(predicted: dict[str, list[str]], name: str) -> None:
    wrong = [value for value in predicted[name] for entry in GOLD[name]["never"] if _meets(entry, value)]
    assert not wrong, (name, predicted[name])


def test_the_target_trades_are_found_and_little_else(predicted: dict[str, list[str]]) -> None:
    right = sum(any(_meets(entry, value) for entry in GOLD[name]["industries"])
                for name in GOLD for value in predicted[name])
    found = sum(any(_meets(entry, value) for value in predicted[name])
                for name in GOLD for entry in GOLD[name]["industries"])
    total_predicted = sum(len(values) for values in predicted.values())
    total_gold = sum(len(entry["industries"]) for entry in GOLD.values())
    precision, recall = right / max(total_predicted, 1), found / total_gold
    assert precision >= 0.9 and recall >= 0.75, (precision, recall, predicted)
