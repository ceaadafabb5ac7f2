"""A table whose columns rule in and out ("| Field | Target | Exclude |"): what sits under the
ruling-out column is a red flag, never a segment, a place or a size."""

from __future__ import annotations

import pytest

from icp_coach.embeddings import BundledEmbedder
from icp_coach.engines.offline.extractor import OfflineExtractor
from icp_coach.services.extract_notes import extract_notes

NOTES = """# ICP

| Field | Target | Exclude |
|---|---|---|
| Segment | Stilt walker troupes | Solo street performers |
| Region | Oregon | California for now |
| Size | 10-50 performers | |
"""

ZH_NOTES = """| 维度 | 要 | 不做 |
|---|---|---|
| 行业 | 旗袍定制店 | 婚纱摄影 |
| 区域 | 杭州 | 上海 |
"""


@pytest.fixture(scope="module")
def extractor() -> OfflineExtractor:
    return OfflineExtractor(embedder=BundledEmbedder())


def test_the_ruling_out_column_becomes_red_flags(extractor: OfflineExtractor) -> None:
    document = extract_notes(NOTES, extractor).document
    assert document.firmographics.industries == ["Stilt walker troupes"]
    assert document.firmographics.regions == ["Oregon"]
    assert [flag.description for flag in document.red_flags] == [
        "Solo street performers", "California for now"]
    assert all(flag.evidence[0].quote in NOTES for flag in document.red_flags)


def test_a_chinese_in_out_table(extractor: OfflineExtractor) -> None:
    document = extract_notes(ZH_NOTES, extractor).document
    assert document.firmographics.regions == ["杭州"]
    assert "婚纱摄影" not in document.firmographics.industries
    assert [flag.description for flag in document.red_flags] == ["婚纱摄影", "上海"]
