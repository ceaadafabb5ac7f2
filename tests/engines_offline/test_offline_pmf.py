"""Step 0, the product-market-fit check, read from one chat answer."""

from __future__ import annotations

import pytest

from icp_coach.domain.icp import ICPDocument
from icp_coach.engines.offline.extractor import OfflineExtractor


@pytest.fixture
def extractor() -> OfflineExtractor:
    return OfflineExtractor(use_embeddings=False)


def pmf_of(extractor: OfflineExtractor, text: str, language: str = "en"):
    extraction = extractor.extract_patch(text, step=0, draft=ICPDocument(name="t"),
                                         language=language)  # type: ignore[arg-type]
    return extraction.patch


def test_english_answer(extractor: OfflineExtractor) -> None:
    patch = pmf_of(extractor, "About 35% of new customers come from referrals. NPS among "
                              "referred customers is 62. Logo churn is under 2% a year.")
    assert patch.pmf is not None
    assert patch.pmf.referral_share == pytest.approx(0.35)
    assert patch.pmf.referrer_nps == 62
    assert "churn" in patch.pmf.retention_note
    assert patch.pmf.reached is True and patch.pmf.segmentation == "firmographic"
    # Step 0 reads the PMF check only: no firmographics from "2% a year".
    assert patch.model_copy(update={"pmf": None}).is_empty()


def test_chinese_answer_below_the_bar(extractor: OfflineExtractor) -> None:
    patch = pmf_of(extractor, "转介绍大概占一成，推荐客户的 NPS 9 分以上，续约率还行。", "zh")
    assert patch.pmf is not None
    assert patch.pmf.referral_share == pytest.approx(0.1)
    assert patch.pmf.referrer_nps == 9
    assert patch.pmf.reached is False and patch.pmf.segmentation == "jobs_to_be_done"


def test_word_shares_and_not_yet(extractor: OfflineExtractor) -> None:
    patch = pmf_of(extractor, "Roughly a third of deals are referred. Honestly we have not "
                              "reached product-market fit yet.")
    assert patch.pmf is not None
    assert patch.pmf.referral_share == pytest.approx(1 / 3)
    assert patch.pmf.reached is False


def test_an_answer_without_pmf_facts_changes_nothing(extractor: OfflineExtractor) -> None:
    extraction = extractor.extract_patch("We sell to SaaS companies.", step=0,
                                         draft=ICPDocument(name="t"), language="en")
    assert extraction.patch.is_empty()
    assert extraction.notes
