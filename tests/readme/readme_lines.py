"""The shell lines of README.md, read as a reader reads them.

A line is one command of a ```bash or ```sh block, without its trailing comment. The README's
notation is expanded into the command lines it stands for: `[--json]` is an optional part (run
with and without it), `md|json` a choice (each one), so `sessions list [--json]` is two lines.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"

SHELL_FENCES = ("```bash", "```sh")
OPTIONAL_PART = re.compile(r"\s*\[(-[^\[\]]*)\]")  # `[--lang zh]`; never `'icp-coach[local]'`
CHOICE = re.compile(r"(?<=\s)([\w.-]+(?:\|[\w.-]+)+)(?=\s|$)")  # `md|json`, never a spaced pipe


@dataclass(frozen=True)
class ReadmeLine:
    number: int  # 1-based line number in README.md
    command: str  # as written, without the comment

    def variants(self) -> list[str]:
        """The command lines this README line stands for (itself when it has no notation)."""
        pieces: list[list[str]] = []
        rest = self.command
        while True:
            optional, choice = OPTIONAL_PART.search(rest), CHOICE.search(rest)
            found = [m for m in (optional, choice) if m is not None]
            if not found:
                pieces.append([rest])
                break
            first = min(found, key=lambda m: m.start())
            pieces.append([rest[:first.start()]])
            if first is optional:
                pieces.append(["", " " + first.group(1)])
            else:
                pieces.append(first.group(1).split("|"))
            rest = rest[first.end():]
        return [re.sub(r"\s+", " ", "".join(parts)).strip() for parts in itertools.product(*pieces)]


def strip_comment(line: str) -> str:
    """The line without a `# ...` comment; a `#` inside quotes or a word is kept."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1].isspace()):
            return line[:index].rstrip()
    return line.rstrip()


def shell_lines(readme: Path = README) -> list[ReadmeLine]:
    """Every command in the README's bash/sh blocks, in README order."""
    lines: list[ReadmeLine] = []
    inside = False
    for number, raw in enumerate(readme.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = raw.strip()
        if stripped.startswith("```"):
            inside = not inside and stripped in SHELL_FENCES
            continue
        if inside:
            command = strip_comment(stripped)
            if command:
                lines.append(ReadmeLine(number, command))
    return lines


def inline_code(readme: Path = README) -> list[tuple[int, str]]:
    """Every `backticked` span outside the code blocks, with its line number."""
    spans: list[tuple[int, str]] = []
    inside = False
    for number, raw in enumerate(readme.read_text(encoding="utf-8").splitlines(), start=1):
        if raw.strip().startswith("```"):
            inside = not inside
            continue
        if not inside:
            spans += [(number, span) for span in re.findall(r"`([^`]+)`", raw)]
    return spans
