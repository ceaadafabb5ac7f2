"""`icp-coach kb ...` through the real entry point, as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.kb.conftest import FIXTURES


def run(*args: str, data_dir: Path, corpus: Path = FIXTURES / "corpus",
        extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "ICP_COACH_DATA_DIR": str(data_dir),
           "ICP_COACH_KNOWLEDGE_DIR": str(corpus)}
    env.pop("ICP_COACH_CHROMA_URL", None)
    env.update(extra_env or {})
    return subprocess.run([sys.executable, "-m", "icp_coach.cli.main", "kb", *args],
                          capture_output=True, text=True, env=env, timeout=180)


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose index was built once with `kb index`."""
    data_dir = tmp_path_factory.mktemp("kb-cli") / "data"
    result = run("index", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "Indexed 12 passages from 5 documents" in result.stdout
    assert "Embedding passages" in result.stderr  # the progress bar goes to stderr
    return data_dir


@pytest.fixture
def own_copy(indexed: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(indexed, target)
    return target


def test_index_again_with_nothing_changed(indexed: Path) -> None:
    result = run("index", "--json", data_dir=indexed)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["embedded"] == 0 and report["unchanged"] == 12 and report["errors"] == []


def test_search_prints_source_section_and_score(indexed: Path) -> None:
    result = run("search", "Slack 早期的客户", "-k", "2", data_dir=indexed)
    assert result.returncode == 0, result.stderr
    assert "case-slack.zh#1" in result.stdout and "case-slack.en#1" in result.stdout
    assert "§ Slack 理想客户的变化 > 早期阶段" in result.stdout
    assert "score " in result.stdout


def test_search_json_is_the_only_thing_on_stdout(indexed: Path) -> None:
    result = run("search", "referral share", "-k", "3", "--lang", "zh", "--kind", "method",
                 "--json", data_dir=indexed)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["filters"] == {"lang": "zh", "kind": "method"}
    assert payload["results"][0]["id"] == "what-is-icp.zh#2"
    assert {"id", "doc_id", "section", "score", "text", "lang"} <= set(payload["results"][0])


def test_company_filter(indexed: Path) -> None:
    result = run("search", "enterprises", "--company", "Slack", "--json", data_dir=indexed)
    assert {r["company"] for r in json.loads(result.stdout)["results"]} == {"Slack"}


def _small_corpus(folder: Path) -> Path:
    """One good document (one passage) and one without an id: cheap to embed in a subprocess."""
    (folder / "en").mkdir(parents=True)
    shutil.copy(FIXTURES / "corpus" / "en" / "glossary.md", folder / "en" / "glossary.md")
    (folder / "en" / "broken.md").write_text("---\ntitle: no id\nlang: en\n---\n# T\n\nx\n",
                                             encoding="utf-8")
    return folder


def test_first_search_builds_the_index_and_names_the_broken_document(tmp_path: Path) -> None:
    corpus = _small_corpus(tmp_path / "knowledge")
    data_dir = tmp_path / "data"
    result = run("search", "serviceable market", "--json", data_dir=data_dir, corpus=corpus)
    assert result.returncode == 0, result.stderr
    assert "Building the knowledge index" in result.stderr
    assert "knowledge/en/broken.md" in result.stderr and "no `id`" in result.stderr
    assert json.loads(result.stdout)["results"][0]["doc_id"] == "glossary.en"

    index = run("index", data_dir=data_dir, corpus=corpus)
    assert index.returncode == 1  # a document was skipped: the user has something to fix
    assert "knowledge/en/broken.md" in index.stderr and "no `id`" in index.stderr
    assert "Indexed 1 passages from 1 documents" in index.stdout
    assert "embedded 0" in index.stdout


def test_corrupt_index_is_rebuilt_not_a_traceback(tmp_path: Path) -> None:
    corpus = _small_corpus(tmp_path / "knowledge")
    data_dir = tmp_path / "data"
    assert run("search", "market", data_dir=data_dir, corpus=corpus).returncode == 0
    (data_dir / "chroma" / "chroma.sqlite3").write_bytes(b"not a database" * 100)
    result = run("search", "serviceable market", "-k", "1", data_dir=data_dir, corpus=corpus)
    assert result.returncode == 0, result.stderr
    assert "cannot be read" in result.stderr and "rebuilding it" in result.stderr
    assert "Traceback" not in result.stderr
    assert "glossary.en#1" in result.stdout


def test_add_list_remove_user_documents(own_copy: Path, tmp_path: Path) -> None:
    notes = tmp_path / "win-loss.md"
    notes.write_text("# Win-loss\n\n## Lost to Initech\n\nWe lost Initech on price and a "
                     "missing SSO integration.\n", encoding="utf-8")
    added = run("add", str(notes), data_dir=own_copy)
    assert added.returncode == 0, added.stderr
    assert "added user:win-loss (1 passages)" in added.stdout

    listed = run("list", "--json", data_dir=own_copy)
    assert [d["doc_id"] for d in json.loads(listed.stdout)["documents"]] == ["user:win-loss"]

    found = run("search", "why did we lose Initech", "-k", "1", "--json", data_dir=own_copy)
    assert json.loads(found.stdout)["results"][0]["doc_id"] == "user:win-loss"

    removed = run("remove", "user:win-loss", data_dir=own_copy)
    assert removed.returncode == 0 and "removed user:win-loss" in removed.stdout
    assert "No documents added yet" in run("list", data_dir=own_copy).stdout


def test_bad_input_exit_codes(own_copy: Path, tmp_path: Path) -> None:
    missing = run("add", str(tmp_path / "nope.md"), data_dir=own_copy)
    assert missing.returncode == 1 and "nope.md: no such file" in missing.stderr
    unknown = run("remove", "user:ghost", data_dir=own_copy)
    assert unknown.returncode == 1 and "user:ghost" in unknown.stderr
    usage = run("search", "x", "-k", "0", data_dir=own_copy)
    assert usage.returncode == 2


def test_unreachable_chroma_server_is_an_endpoint_failure(tmp_path: Path) -> None:
    result = run("search", "icp", data_dir=tmp_path / "data",
                 extra_env={"ICP_COACH_CHROMA_URL": "http://127.0.0.1:9"})
    assert result.returncode == 3
    assert "cannot reach the Chroma server at http://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr


def test_messages_follow_the_chosen_language(indexed: Path, tmp_path: Path) -> None:
    chinese = {"ICP_COACH_LANGUAGE": "zh"}
    again = run("index", data_dir=indexed, extra_env=chinese)
    assert "已索引 5 篇文档中的 12 个段落" in again.stdout
    empty = run("list", data_dir=indexed, extra_env=chinese)
    assert "还没有添加任何文档" in empty.stdout
