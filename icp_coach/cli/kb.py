"""`icp-coach kb`: index and search the methodology and case library, and the user's own documents."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from icp_coach.cli.common import (
    EXIT_INPUT,
    emit,
    emit_json,
    fail,
    handles_errors,
    json_option,
    output_option,
)
from icp_coach.domain.language import Language

F = TypeVar("F", bound=Callable[..., Any])
SCORE_MEANING = ("fused rank score: 1.0 = ranked first by meaning and by keywords; "
                 "results best first")

WORDS: dict[str, dict[str, str]] = {
    "indexed": {
        "en": "Indexed {passages} passages from {documents} documents in {seconds:.1f} s "
              "(embedded {embedded}, reused {reused}, unchanged {unchanged}, removed {removed}) "
              "into {where}.",
        "zh": "已索引 {documents} 篇文档中的 {passages} 个段落，用时 {seconds:.1f} 秒"
              "（新嵌入 {embedded}，复用 {reused}，未变 {unchanged}，删除 {removed}），"
              "索引位置：{where}。",
    },
    "skipped": {"en": "{count} document(s) skipped; fix them and run `icp-coach kb index` again",
                "zh": "跳过了 {count} 篇文档；修正后请再次运行 `icp-coach kb index`"},
    "embedding": {"en": "Embedding passages", "zh": "正在嵌入段落"},
    "none_found": {"en": "No passages found (try without filters).",
                   "zh": "没有找到段落（试试去掉筛选条件）。"},
    "score": {"en": "score", "zh": "得分"},
    "added": {"en": "added {doc_id} ({passages} passages) from {source}",
              "zh": "已添加 {doc_id}（{passages} 个段落），来自 {source}"},
    "not_added": {"en": "{count} file(s) not added", "zh": "有 {count} 个文件没有添加"},
    "no_documents": {"en": "No documents added yet: `icp-coach kb add FILE...`",
                     "zh": "还没有添加任何文档：`icp-coach kb add 文件...`"},
    "passages": {"en": "passages", "zh": "个段落"},
    "removed": {"en": "removed {doc_id}", "zh": "已删除 {doc_id}"},
    "unknown": {"en": "no added document with id {ids} - see `icp-coach kb list`",
                "zh": "没有 id 为 {ids} 的已添加文档，请查看 `icp-coach kb list`"},
}


def _say(knowledge: Any, key: str, **values: Any) -> str:
    language = getattr(knowledge, "language", "en")
    return WORDS[key].get(language, WORDS[key]["en"]).format(**values)


def _knowledge() -> Any:
    from icp_coach.bootstrap import make_app

    return make_app().knowledge


@contextmanager
def _progress_bar(description: str) -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar on stderr, shown only once there is something to embed."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), console=Console(stderr=True), transient=False)
    task: list[Any] = []

    def update(done: int, total: int) -> None:
        if total == 0:
            return
        if not task:
            progress.start()
            task.append(progress.add_task(description, total=total))
        progress.update(task[0], completed=done, total=total)

    try:
        yield update
    finally:
        if task:
            progress.stop()


def _report_errors(errors: list[Any]) -> None:
    for error in errors:
        click.echo(f"error: {error}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def kb() -> None:
    """Index and search the knowledge base (shipped methodology and cases, plus your documents).

    The index lives in the data folder, or on a shared Chroma server when ICP_COACH_CHROMA_URL is
    set. It is built on first use; `kb index` refreshes it explicitly.
    """


@kb.command("index")
@click.option("--rebuild", is_flag=True,
              help="Drop the index (yours and the shipped documents) and build it again.")
@json_option
@output_option
@handles_errors
def index_command(rebuild: bool, as_json: bool, output: Path | None) -> None:
    """Embed the knowledge documents; only new or changed passages are embedded."""
    knowledge = _knowledge()
    with _progress_bar(_say(knowledge, "embedding")) as progress:
        report = knowledge.index(rebuild=rebuild, progress=progress)
    _report_errors(report.errors)
    if as_json:
        emit_json({
            "location": knowledge.location,
            "documents": report.documents,
            "passages": report.passages,
            "embedded": report.sync.embedded,
            "reused": report.sync.reused,
            "unchanged": report.sync.unchanged,
            "removed": report.sync.removed,
            "user_documents": report.user_documents,
            "seconds": round(report.seconds, 3),
            "errors": [{"file": error.path, "line": error.line, "message": error.problem}
                       for error in report.errors],
        }, output)
    else:
        emit(_say(knowledge, "indexed", passages=report.passages, documents=report.documents,
                  seconds=report.seconds, embedded=report.sync.embedded,
                  reused=report.sync.reused, unchanged=report.sync.unchanged,
                  removed=report.sync.removed, where=knowledge.location), output)
    if report.errors:
        fail(_say(knowledge, "skipped", count=len(report.errors)), EXIT_INPUT)


@kb.command("search")
@click.argument("query")
@click.option("-k", "k", type=click.IntRange(1, 100), default=5, show_default=True,
              help="How many passages to return.")
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None, help="Only this language.")
@click.option("--kind", type=click.Choice(["method", "case", "example", "glossary", "user"]),
              default=None, help="Only this kind of document.")
@click.option("--company", default=None, help="Only case passages about this company (e.g. Slack).")
@click.option("--stage", type=click.Choice(["early", "growth", "mature", "transition"]),
              default=None, help="Only case passages about this stage.")
@json_option
@output_option
@handles_errors
def search_command(query: str, k: int, lang: Language | None, kind: str | None, company: str | None,
                   stage: str | None, as_json: bool, output: Path | None) -> None:
    """Find the passages that best answer QUERY (English or Chinese), with source and score.

    The score is the fused rank score: 1.0 for a passage ranked first both by meaning (the
    embedding model) and by its words (BM25), lower as it ranks lower in either; results are
    shown best first. Without --lang, passages of both languages are returned.
    """
    from icp_coach.domain.knowledge import SearchFilters

    if not query.strip():
        raise click.UsageError("QUERY is empty: say what you are looking for")
    filters = SearchFilters(lang=lang, kind=kind, company=company, stage=stage)  # type: ignore[arg-type]
    knowledge = _knowledge()
    passages = knowledge.search(query, k=k, filters=filters)
    if as_json:
        emit_json({
            "query": query,
            "k": k,
            "filters": filters.model_dump(exclude_none=True),
            "score": SCORE_MEANING,
            "results": [passage.model_dump() for passage in passages],
        }, output)
        return
    if not passages:
        emit(_say(knowledge, "none_found"), output)
        return
    blocks = []
    for rank, passage in enumerate(passages, start=1):
        text = " ".join(passage.text.split())
        snippet = text if len(text) <= 400 else text[:400].rstrip() + "..."
        extras = ", ".join(filter(None, [passage.lang, passage.kind, passage.company,
                                         passage.stage]))
        blocks.append(f"{rank}. {passage.id}  {_say(knowledge, 'score')} {passage.score:.3f}"
                      f"  ({extras})\n"
                      f"   § {passage.section}\n   {snippet}")
    emit("\n\n".join(blocks) + "\n", output)


@kb.command("add")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(path_type=Path, exists=False))
@json_option
@output_option
@handles_errors
def add_command(paths: tuple[Path, ...], as_json: bool, output: Path | None) -> None:
    """Add your own Markdown or text files (or folders of them) to the knowledge base."""
    knowledge = _knowledge()
    report = knowledge.add_documents(paths)
    _report_errors(report.errors)
    if as_json:
        emit_json({"added": [record.__dict__ for record in report.added],
                   "errors": [{"file": error.path, "line": error.line, "message": error.problem}
                              for error in report.errors]}, output)
    elif report.added:
        emit("\n".join(_say(knowledge, "added", doc_id=record.doc_id, passages=record.passages,
                            source=record.source_path) for record in report.added) + "\n", output)
    if report.errors:
        fail(_say(knowledge, "not_added", count=len(report.errors)), EXIT_INPUT)


@kb.command("list")
@json_option
@output_option
@handles_errors
def list_command(as_json: bool, output: Path | None) -> None:
    """List the documents you added."""
    knowledge = _knowledge()
    records = knowledge.list_documents()
    if as_json:
        emit_json({"documents": [record.__dict__ for record in records]}, output)
        return
    if not records:
        emit(_say(knowledge, "no_documents"), output)
        return
    lines = [f"{record.doc_id}\t{record.lang}\t{record.passages} {_say(knowledge, 'passages')}\t"
             f"{record.title}\t"
             f"{record.source_path}" for record in records]
    emit("\n".join(lines) + "\n", output)


@kb.command("remove")
@click.argument("doc_ids", nargs=-1, required=True)
@json_option
@output_option
@handles_errors
def remove_command(doc_ids: tuple[str, ...], as_json: bool, output: Path | None) -> None:
    """Remove documents you added, by id (see `kb list`)."""
    knowledge = _knowledge()
    removed, unknown = knowledge.remove_documents(doc_ids)
    if as_json:
        emit_json({"removed": removed, "unknown": unknown}, output)
    elif removed:
        emit("\n".join(_say(knowledge, "removed", doc_id=doc_id) for doc_id in removed) + "\n", output)
    if unknown:
        fail(_say(knowledge, "unknown", ids=", ".join(unknown)), EXIT_INPUT)
