"""The one error the analysis adapter raises for problems in the user's tables or rules."""

from __future__ import annotations


class TableInputError(Exception):
    """A problem in a file or rule the user gave (exit code 1). The message names the file, the
    line or column, and what to do."""
