"""Splitting documents into passages, and the errors a writer sees for a broken document."""

from __future__ import annotations

from pathlib import Path

import pytest

from icp_coach.kb.documents import (
    DocumentError,
    guess_language,
    load_corpus,
    parse_knowledge_document,
    parse_user_document,
    read_utf8,
    stage_of_heading,
)

GOOD = """---
id: demo.en
topic: demo
title: Demo title
lang: en
kind: case
tags: [ICP, Case]
company: Slack
stage: [early, growth]
---

# Demo title

Intro paragraph about the demo.

## Early stage: small teams

Early text.

### Signals of the early stage

Signal text.

## Lessons for founders

```
## not a heading inside code
```
Lesson text.
"""


def test_document_is_split_by_heading_with_its_metadata(tmp_path: Path) -> None:
    document = parse_knowledge_document(tmp_path / "demo.md", GOOD)
    passages = document.passages
    assert [p.id for p in passages] == ["demo.en#1", "demo.en#2", "demo.en#3", "demo.en#4"]
    assert [p.section for p in passages] == [
        "Demo title",
        "Demo title > Early stage: small teams",
        "Demo title > Early stage: small teams > Signals of the early stage",
        "Demo title > Lessons for founders",
    ]
    assert passages[0].text == "Intro paragraph about the demo."
    assert "## not a heading inside code" in passages[3].text
    assert all(p.company == "Slack" and p.kind == "case" and p.lang == "en" for p in passages)
    assert passages[0].tags == ["icp", "case"]
    # The stage comes from the section heading and is inherited by its sub-sections.
    assert [p.stage for p in passages] == [None, "early", "early", None]
    assert document.stages == ["early", "growth"]


@pytest.mark.parametrize(("heading", "stage"), [
    ("Early stage: Slack's first customers", "early"),
    ("Growth stage: departments", "growth"),
    ("Mature stage: enterprises", "mature"),
    ("Transition stage: Youzan", "transition"),
    ("早期阶段：微商", "early"),
    ("成长阶段：多个部门", "growth"),
    ("成熟阶段：大型企业", "mature"),
    ("转型阶段：品牌商家", "transition"),
    ("Lessons for founders", None),
    ("经验教训", None),
])
def test_stage_is_read_from_english_and_chinese_headings(heading: str, stage: str | None) -> None:
    assert stage_of_heading(heading) == stage


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_broken_documents_are_reported_by_file_and_the_rest_still_load(tmp_path: Path) -> None:
    root = tmp_path / "knowledge"
    _write(root, "en/good.md", GOOD)
    _write(root, "en/malformed.md", "---\nid: x.en\nlang: en\ntags: [unclosed\n---\n# T\n\ntext\n")
    _write(root, "en/no-id.md", "---\ntitle: No id here\nlang: en\n---\n# T\n\ntext\n")
    _write(root, "en/zz-duplicate.md", GOOD.replace("Demo title", "Other title"))
    _write(root, "zh/latin1.md", "---\nid: l.zh\nlang: zh\n---\n# Caf\xe9\n".encode("latin-1"))
    _write(root, "en/no-front-matter.md", "# Just a title\n\ntext\n")
    _write(root, "en/bad-lang.md", "---\nid: b.fr\nlang: fr\n---\n# T\n\ntext\n")

    result = load_corpus(root)

    assert [d.doc_id for d in result.documents] == ["demo.en"]
    by_file = {Path(error.path).name: str(error) for error in result.errors}
    assert set(by_file) == {"malformed.md", "no-id.md", "zz-duplicate.md", "latin1.md",
                            "no-front-matter.md", "bad-lang.md"}
    assert "malformed front matter" in by_file["malformed.md"]
    assert "knowledge/en/malformed.md:" in by_file["malformed.md"]
    assert "no `id`" in by_file["no-id.md"]
    assert "duplicate id 'demo.en'" in by_file["zz-duplicate.md"]
    assert "already used by knowledge/en/good.md" in by_file["zz-duplicate.md"]
    assert "not UTF-8" in by_file["latin1.md"] and "save the file as UTF-8" in by_file["latin1.md"]
    assert "no front matter" in by_file["no-front-matter.md"]
    assert "'fr'" in by_file["bad-lang.md"]


def test_malformed_front_matter_error_points_at_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.md", "---\nid: x.en\nlang: en\ntags: [a, b\ntitle: T\n---\nbody\n")
    with pytest.raises(DocumentError) as caught:
        parse_knowledge_document(path, read_utf8(path))
    assert caught.value.line is not None and caught.value.line >= 4


def test_unclosed_front_matter_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "open.md", "---\nid: x.en\nlang: en\n# Title\n\ntext\n")
    with pytest.raises(DocumentError, match="never closed"):
        parse_knowledge_document(path, read_utf8(path))


def test_user_text_file_is_chunked_and_its_language_guessed(tmp_path: Path) -> None:
    paragraph = "我们最好的客户都是五十到两百人的软件公司，销售团队正在从表格迁移到客户管理系统。"
    path = _write(tmp_path, "访谈 Notes.txt", "\n\n".join([paragraph] * 60))
    document = parse_user_document(path, read_utf8(path))
    assert document.doc_id == "user:访谈-notes"
    assert document.lang == "zh" and document.kind == "user"
    assert len(document.passages) > 1
    assert all(len(p.text) <= 1500 for p in document.passages)
    assert "".join(p.text for p in document.passages).count("最好的客户") == 60


def test_user_markdown_may_carry_front_matter(tmp_path: Path) -> None:
    path = _write(tmp_path, "deal-notes.md",
                  "---\nid: acme-deals\nlang: en\ntags: [deals]\n---\n# Deals\n\n## Acme\n\nWon.\n")
    document = parse_user_document(path, read_utf8(path))
    assert document.doc_id == "user:acme-deals"  # never collides with a shipped id
    assert [p.section for p in document.passages] == ["Deals > Acme"]


def test_unsupported_user_file_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "deck.pdf", b"%PDF-1.4")
    with pytest.raises(DocumentError, match="unsupported file type"):
        parse_user_document(path, "")


def test_language_guess() -> None:
    assert guess_language("理想客户画像 ICP 的定义") == "zh"
    assert guess_language("An ideal customer profile, 简称 ICP") == "en"
