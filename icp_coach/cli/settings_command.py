"""`icp-coach settings`: every setting's value and where it came from (flag, variable, config
file and line, or the default). The API key is shown only as set / not set."""

from __future__ import annotations

from pathlib import Path

import click

from icp_coach.cli.common import emit, emit_json, handles_errors, json_option, output_option


@click.command("settings")
@json_option
@output_option
@handles_errors
def settings(as_json: bool, output: Path | None) -> None:
    """Show the settings in effect and where each came from."""
    from icp_coach import paths
    from icp_coach.settings import effective_settings, load_settings

    rows = effective_settings(load_settings())
    if as_json:
        emit_json({"config_file": str(paths.config_file()), "data_dir": str(paths.data_dir()),
                   "settings": rows}, output)
        return
    width = max(len(row["setting"]) for row in rows)
    lines = [f"config file: {paths.config_file()}", f"data folder: {paths.data_dir()}", ""]
    lines += [f"{row['setting']:{width}}  {row['value']!s:30}  {row['source']}" for row in rows]
    emit("\n".join(lines) + "\n", output)
