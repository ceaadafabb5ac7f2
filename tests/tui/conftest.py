"""Fixtures for the TUI tests; the helpers live in tui_helpers.py."""

from __future__ import annotations

import pytest

from tests.tui.tui_helpers import Recorder


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()
