"""Fixtures for the coach tests: a session store in a temp folder and a coach factory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from coach_fakes import RuleExtractor, TinyKnowledge

from icp_coach.domain.process import InterviewState
from icp_coach.engines.offline.reply import ScriptedReplyWriter
from icp_coach.prompt_files import load_prompt
from icp_coach.services.coach import Coach
from icp_coach.services.coach_texts import CoachTexts
from icp_coach.storage.sessions import SQLiteSessionStore

CoachFactory = Callable[..., Coach]


@pytest.fixture
def store(tmp_path: Any) -> Iterator[SQLiteSessionStore]:
    db = SQLiteSessionStore(tmp_path / "sessions.sqlite3", secrets=("sk-test-secret-key-123",))
    yield db
    db.close()


@pytest.fixture
def make_coach(store: SQLiteSessionStore) -> CoachFactory:
    def build(*, language: str = "en", extractor: Any = None, reply_writer: Any = None,
              knowledge: Any = None, auto_advance: bool = True, state: Any = None,
              exporter: Any = None) -> Coach:
        if state is None:
            state = InterviewState.new("s1", "Tally Billing", language, engine="fake")  # type: ignore[arg-type]
            store.create_session(state)
        return Coach(state, extractor=extractor or RuleExtractor(),
                     reply_writer=reply_writer or ScriptedReplyWriter(),
                     knowledge=knowledge if knowledge is not None else TinyKnowledge(),
                     store=store, texts=CoachTexts(load_prompt), auto_advance=auto_advance,
                     exporter=exporter)
    return build


