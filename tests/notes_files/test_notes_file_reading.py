"""What a person sees of a notes file once icp-coach has read it: the text, not the container."""

from __future__ import annotations

import base64
import zipfile
from pathlib import Path

from icp_coach.notes_files import read_notes_file

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(path: Path, body: str, comments: str = "") -> Path:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        if comments:
            package.writestr("word/comments.xml", f"<w:comments {W}>{comments}</w:comments>")
    return path


def test_docx_reads_as_accepted_with_tables_as_rows_and_comments_marked(tmp_path: Path) -> None:
    body = ('<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Regions</w:t></w:r></w:p>'
            '<w:p><w:r><w:t xml:space="preserve">Kent, </w:t></w:r>'
            '<w:del w:id="1" w:author="A"><w:r><w:delText>Essex, </w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">Sussex, </w:t></w:r></w:ins>'
            '<w:r><w:t>Surrey</w:t></w:r><w:r><w:commentReference w:id="7"/></w:r></w:p>'
            '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Tool</w:t></w:r></w:p></w:tc>'
            '<w:tc><w:p><w:r><w:t>Use</w:t></w:r></w:p></w:tc></w:tr>'
            '<w:tr><w:tc><w:p><w:r><w:t>Xero</w:t></w:r></w:p></w:tc>'
            '<w:tc><w:p><w:r><w:t>invoices</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    comment = '<w:comment w:id="7" w:author="Ana"><w:p><w:r><w:t>not Wales yet</w:t></w:r></w:p></w:comment>'
    text = read_notes_file(_docx(tmp_path / "memo.docx", body, comment)).text
    assert "## Regions" in text
    assert "Kent, Sussex, Surrey" in text and "Essex" not in text
    assert "Comment (Ana): not Wales yet" in text
    assert "| Tool | Use |" in text and "| Xero | invoices |" in text


def test_html_export_keeps_headings_lists_and_tables_and_drops_scripts(tmp_path: Path) -> None:
    page = tmp_path / "export.html"
    page.write_text("<html><head><title>x</title><style>p{color:red}</style></head><body>"
                    "<script>var segment = 'hospitals';</script><h1>Segment</h1>"
                    "<ul><li>Dairy farms</li><li>Goat farms<ul><li>over 200 head</li></ul></li></ul>"
                    "<table><tr><th>Region</th></tr><tr><td>Wisconsin</td></tr></table>"
                    "<p>Tom &amp; Ann</p></body></html>", encoding="utf-8")
    notes = read_notes_file(page)
    assert notes.container == "html"
    lines = notes.text.splitlines()
    assert "# Segment" in lines and "- Dairy farms" in lines and "  - over 200 head" in lines
    assert "| Wisconsin |" in lines and "Tom & Ann" in lines
    assert "hospitals" not in notes.text and "color" not in notes.text


def test_enex_with_two_notes_reads_both_with_their_titles(tmp_path: Path) -> None:
    enml = ('<![CDATA[<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE en-note SYSTEM '
            '"http://xml.evernote.com/pub/enml2.dtd"><en-note><div>{}</div></en-note>]]>')
    export = tmp_path / "notebook.enex"
    export.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE en-export SYSTEM '
        '"http://xml.evernote.com/pub/evernote-export4.dtd">\n<en-export>'
        f'<note><title>Visit one</title><content>{enml.format("Owners sign.")}</content></note>'
        f'<note><title>Visit two</title><content>{enml.format("苗圃 in 云南")}</content></note>'
        '</en-export>', encoding="utf-8")
    text = read_notes_file(export).text
    assert text.index("# Visit one") < text.index("Owners sign.") < text.index("# Visit two")
    assert "苗圃 in 云南" in text and "en-note" not in text


def test_email_prefers_plain_text_decodes_gbk_and_marks_quotes(tmp_path: Path) -> None:
    plain = "客户：奶茶店\n\n> 之前说的：先做成都\n".encode("gbk")
    subject = base64.b64encode("奶茶店画像".encode("gb2312")).decode()
    message = (f"From: a@example.cn\nSubject: =?gb2312?B?{subject}?=\nDate: Mon, 2 Nov 2026 09:00:00 +0800\n"
               'MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b"\n\n'
               '--b\nContent-Type: text/plain; charset="gb2312"\nContent-Transfer-Encoding: base64\n\n'
               f"{base64.b64encode(plain).decode()}\n"
               '--b\nContent-Type: text/html; charset="utf-8"\n\n<p>HTML ONLY COPY</p>\n--b--\n')
    mail = tmp_path / "mail.eml"
    mail.write_text(message, encoding="ascii")
    text = read_notes_file(mail).text
    assert text.startswith("Subject: 奶茶店画像\nFrom: a@example.cn\nDate: ")
    assert "客户：奶茶店" in text and "> 之前说的：先做成都" in text
    assert "HTML ONLY COPY" not in text


def test_email_with_only_html_quoted_printable_is_read_as_text(tmp_path: Path) -> None:
    mail = tmp_path / "html.eml"
    mail.write_text("From: b@example.com\nSubject: segment\nMIME-Version: 1.0\n"
                    "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                    "<p>Caf=C3=A9 chains in Lyon</p><blockquote>earlier: skip Paris</blockquote>\n",
                    encoding="ascii")
    text = read_notes_file(mail).text
    assert "Café chains in Lyon" in text and "> earlier: skip Paris" in text and "<p>" not in text


def test_calendar_invite_description_is_unfolded_and_unescaped(tmp_path: Path) -> None:
    description = "DESCRIPTION:Segment: 花店\\, 鲜花批发\\nRegions: 昆明\\; 广州"
    raw = description.encode("utf-8")
    folded = raw[:22] + b"\r\n " + raw[22:]  # inside 花: folding splits octets, not characters
    invite = tmp_path / "invite.ics"
    invite.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Florist ICP\r\n" + folded
                       + b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    text = read_notes_file(invite).text
    assert text == "# Florist ICP\n\nSegment: 花店, 鲜花批发\nRegions: 昆明; 广州\n"


def test_rtf_unicode_escapes_and_code_page_bytes(tmp_path: Path) -> None:
    gbk = "".join(f"\\'{byte:02x}" for byte in "茶馆".encode("gbk"))
    document = tmp_path / "notes.rtf"
    document.write_bytes(("{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}"
                          "{\\colortbl;\\red0\\green0\\blue0;}\\f0 Segment: " + gbk
                          + "\\par Region: \\u25104?\\u37117?}").encode("ascii"))
    text = read_notes_file(document).text
    assert "Segment: 茶馆" in text and "Region: 成都" in text
    assert "SimSun" not in text and "red0" not in text


def test_chinese_legacy_encodings_are_told_apart_without_a_flag(tmp_path: Path) -> None:
    simplified = tmp_path / "gbk.txt"
    simplified.write_bytes("目标客户：连锁洗衣店，员工二十到两百人。".encode("gbk"))
    traditional = tmp_path / "big5.txt"
    traditional.write_bytes("目標客戶：連鎖洗衣店，員工二十到兩百人。".encode("big5"))
    read_simplified, read_traditional = read_notes_file(simplified), read_notes_file(traditional)
    assert read_simplified.text == "目标客户：连锁洗衣店，员工二十到两百人。"
    assert read_traditional.text == "目標客戶：連鎖洗衣店，員工二十到兩百人。"
    assert "GB18030" in read_simplified.note and "Big5" in read_traditional.note


def test_western_legacy_text_is_not_mistaken_for_chinese(tmp_path: Path) -> None:
    notes = tmp_path / "latin.txt"
    notes.write_bytes("Régions: Québec, Montréal; Zürich cafés".encode("cp1252"))
    read = read_notes_file(notes)
    assert read.text == "Régions: Québec, Montréal; Zürich cafés"
    assert "Windows-1252" in read.note


def test_google_docs_comments_are_kept_marked_and_their_letters_dropped(tmp_path: Path) -> None:
    page = tmp_path / "gdoc.html"
    page.write_text('<html><body class="doc-content"><p class="c1"><span>Florists in Leeds</span>'
                    '<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup></p>'
                    '<div><p><a href="#cmnt_ref1" id="cmnt1">[a]</a><span>and York?</span></p></div>'
                    "</body></html>", encoding="utf-8")
    assert read_notes_file(page).text.splitlines() == ["Florists in Leeds", "Comment: and York?"]


def test_a_docx_text_box_is_read_once(tmp_path: Path) -> None:
    box = ('<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
           '<mc:Choice Requires="wps"><w:t>Boxed: vets only</w:t></mc:Choice>'
           '<mc:Fallback><w:t>Boxed: vets only</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    assert read_notes_file(_docx(tmp_path / "box.docx", box)).text == "Boxed: vets only\n"
