"""The ICP a user gets from notes kept in a Word file, a mail, an invite, an RTF or legacy-encoded
Chinese text: the fields the notes state, not the container's markup, deleted words or
reminders. The notes are this folder's cases/ (see its README)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from icp_coach.cli.main import cli
from icp_coach.domain.icp import ICPDocument
from icp_coach.notes_files import read_notes_file
from icp_coach.services.extract_notes import extract_notes

CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="module")
def extractor():
    from icp_coach.embeddings import BundledEmbedder
    from icp_coach.engines.offline.extractor import OfflineExtractor

    return OfflineExtractor(embedder=BundledEmbedder())


def _icp(name: str, extractor) -> ICPDocument:
    path = CASES / name
    return extract_notes(read_notes_file(path).text, extractor, source=path.name).document


def _span(document: ICPDocument, field: str) -> tuple[float | None, float | None]:
    value = getattr(document.firmographics, field)
    return value.min, value.max


def test_word_notes_through_the_cli_take_tracked_changes_as_accepted() -> None:
    result = CliRunner().invoke(cli, ["extract", str(CASES / "piano_dealers_en.docx"),
                                      "--engine", "offline", "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)["document"]
    regions = document["firmographics"]["regions"]
    assert "Ohio" in regions and "Ontario" not in regions  # inserted / deleted in review
    assert document["firmographics"]["employees"] == {"min": 5.0, "max": 40.0}
    assert any("freelancers" in flag["description"] for flag in document["red_flags"])  # a comment
    assert not any("w:" in line or "<" in line for line in result.stdout.splitlines()[:3])


def test_chinese_word_notes_drop_a_deleted_city(extractor) -> None:
    document = _icp("dental_clinics_zh.docx", extractor)
    assert document.firmographics.regions == ["武汉", "长沙", "南昌"]
    assert _span(document, "annual_revenue_usd") == (2_000_000, 20_000_000)


def test_gb2312_mail_with_a_quoted_reply(extractor) -> None:
    document = _icp("moving_companies_zh.eml", extractor)
    assert _span(document, "employees") == (30, 300)
    assert document.firmographics.regions == ["广州", "深圳", "佛山"]
    assert any("分公司" in signal.description for signal in document.buying_signals)  # quoted


def test_mail_attribution_line_is_no_buying_signal_and_the_html_copy_is_not_read(extractor) -> None:
    document = _icp("self_storage_en.eml", extractor)
    signals = [signal.description for signal in document.buying_signals]
    assert any("acquiring another facility" in signal for signal in signals)
    assert not any("wrote" in signal or "@" in signal for signal in signals)
    assert "moving" not in document.model_dump_json().lower()  # only in the HTML alternative


def test_mailbox_reads_every_message(extractor) -> None:
    document = _icp("tire_shops_en.mbox", extractor)
    assert document.firmographics.regions == ["Wisconsin", "Minnesota", "Iowa"]  # message 1
    titles = {maker.role: maker.titles for maker in document.decision_makers}
    assert titles.get("champion") == ["shop manager"]  # message 2, base64 HTML


def test_calendar_invite_description(extractor) -> None:
    document = _icp("auto_glass_en.ics", extractor)
    assert document.firmographics.regions == ["Arizona", "Nevada", "Utah"]  # escaped commas
    assert _span(document, "annual_revenue_usd") == (1_000_000, 10_000_000)


def test_evernote_export_with_two_notes(extractor) -> None:
    document = _icp("mobile_grooming_en.enex", extractor)
    assert _span(document, "employees") == (3, 25)  # first note
    assert "Florida" in document.firmographics.regions  # second note


@pytest.mark.parametrize(("name", "regions", "employees"), [
    ("wedding_studios_zh.rtf", ["成都", "重庆", "昆明"], (8, 60)),
    ("guesthouses_gbk_zh.txt", ["浙江", "福建", "云南"], (5, 50)),
    ("cold_storage_zh.html", ["山东", "河南", "河北"], (50, 500)),
    ("hood_cleaning_en.html", ["Texas", "Oklahoma", "Louisiana"], (10, 120)),
])
def test_rtf_legacy_chinese_and_html_exports(extractor, name: str, regions: list[str],
                                             employees: tuple[int, int]) -> None:
    document = _icp(name, extractor)
    assert document.firmographics.regions == regions
    assert _span(document, "employees") == employees


def test_big5_notes_are_read_not_refused(extractor) -> None:
    document = _icp("herbal_shops_big5_zh.txt", extractor)
    assert _span(document, "employees") == (3, 30)
    assert any("連鎖藥妝" in flag.description for flag in document.red_flags)
