"""Files that are not notes icp-coach reads: `icp-coach extract` exits 1 with one message that
names the file, says what it is and what to save it as; nothing is extracted."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from icp_coach.cli.main import cli


def _zip(path: Path, parts: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        for name, text in parts.items():
            package.writestr(name, text)
    return path


def _extract(path: Path):
    return CliRunner().invoke(cli, ["extract", str(path), "--engine", "offline"])


@pytest.mark.parametrize(("name", "content", "said", "advice"), [
    ("deck.pdf", b"%PDF-1.7\n1 0 obj\n", "PDF document", ".txt"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old Office file", ".docx"),
    ("whiteboard.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "PNG image", "type the notes"),
    ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 32, "JPEG image", "type the notes"),
    ("camera.heic", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 32, "HEIC photo", "type the notes"),
])
def test_binary_files_are_refused_with_what_to_save_them_as(
        tmp_path: Path, name: str, content: bytes, said: str, advice: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = _extract(path)
    assert result.exit_code == 1
    assert name in result.stderr and said in result.stderr and advice in result.stderr
    assert "Traceback" not in result.output and "Ideal Customer Profile" not in result.stdout


def test_a_pages_document_is_told_to_be_exported_to_word(tmp_path: Path) -> None:
    pages = _zip(tmp_path / "plan.pages", {"Index/Document.iwa": "x", "preview.jpg": "x"})
    result = _extract(pages)
    assert result.exit_code == 1 and "plan.pages" in result.stderr
    assert "Pages" in result.stderr and "Export To > Word (.docx)" in result.stderr


def test_a_zip_archive_is_told_to_be_unzipped(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "notes.zip", {"a.md": "x", "b.md": "y"})
    result = _extract(archive)
    assert result.exit_code == 1 and "notes.zip" in result.stderr
    assert "ZIP archive" in result.stderr and "unzip it" in result.stderr


def test_a_spreadsheet_is_pointed_at_the_customers_command(tmp_path: Path) -> None:
    workbook = _zip(tmp_path / "accounts.xlsx", {"xl/workbook.xml": "<workbook/>"})
    result = _extract(workbook)
    assert result.exit_code == 1 and "Excel workbook" in result.stderr and ".csv" in result.stderr


def test_a_damaged_word_file_says_to_save_it_again(tmp_path: Path) -> None:
    broken = _zip(tmp_path / "memo.docx", {"word/document.xml": "<w:document><w:body><w:p"})
    result = _extract(broken)
    assert result.exit_code == 1 and "memo.docx" in result.stderr
    assert "save it again as .docx" in result.stderr
