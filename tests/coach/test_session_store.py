"""Sessions in SQLite: WAL, schema migrations, transactions, redaction, lookups."""

from __future__ import annotations

import sqlite3

import pytest

from icp_coach.domain.process import InterviewState
from icp_coach.services.coach_ports import TurnRecord
from icp_coach.storage.sessions import (
    MIGRATIONS,
    SCHEMA_VERSION,
    SessionNotFound,
    SessionStoreError,
    SQLiteSessionStore,
)


def test_the_database_uses_wal_and_records_its_schema_version(store):
    store.create_session(InterviewState.new("abc123", "Acme"))
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.schema_version() == SCHEMA_VERSION == 2


def test_an_old_database_is_migrated_and_keeps_its_sessions(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    MIGRATIONS[0](db)
    db.execute("INSERT INTO schema_version VALUES (1)")
    state = InterviewState.new("old1", "Old Co")
    db.execute("INSERT INTO sessions (id, company, language, step, completed, engine, created_at,"
               " updated_at, state_json) VALUES ('old1', 'Old Co', 'en', 0, 0, '', 't', 't', ?)",
               (state.model_dump_json(),))
    db.close()
    store = SQLiteSessionStore(path)
    assert store.schema_version() == 2
    assert store.load_state("old1").company == "Old Co"
    store.close()


def test_a_database_from_a_newer_release_is_refused_clearly(tmp_path):
    path = tmp_path / "new.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    db.execute("INSERT INTO schema_version VALUES (99)")
    db.close()
    with pytest.raises(SessionStoreError, match="upgrade icp-coach"):
        _ = SQLiteSessionStore(path).db


def test_a_commit_saves_turns_state_and_a_version_together(store):
    state = InterviewState.new("s1", "Acme")
    store.create_session(state)
    state.draft.firmographics.industries = ["Logistics"]
    state.step = 1
    store.commit(state, [TurnRecord("user", "Logistics", 1)], icp_changed=True, reason="answer")
    store.commit(state, [TurnRecord("coach", "Noted", 1, "reply")], icp_changed=False)
    assert store.load_state("s1").draft.firmographics.industries == ["Logistics"]
    assert [(t.seq, t.speaker, t.step) for t in store.turns("s1")] == [(1, "user", 1), (2, "coach", 1)]
    assert [v.reason for v in store.versions("s1")] == ["answer"]
    summary = store.list_sessions()[0]
    assert summary.id == "s1" and summary.step == 1 and summary.turns == 2


def test_a_pasted_api_key_is_never_written(store):
    state = InterviewState.new("s1", "Acme")
    store.create_session(state)
    state.draft.summary = "key sk-test-secret-key-123 here"
    store.commit(state, [TurnRecord("user", "my key is sk-test-secret-key-123", 0)],
                 icp_changed=True)
    store.close()
    raw = store.path.read_bytes() + store.path.with_name(store.path.name + "-wal").read_bytes() \
        if store.path.with_name(store.path.name + "-wal").exists() else store.path.read_bytes()
    assert b"sk-test-secret-key-123" not in raw
    assert "[redacted]" in store.turns("s1")[0].text


def test_ids_resolve_by_unique_prefix_and_delete_removes_everything(store):
    for sid in ("aa11", "aa22", "bb33"):
        store.create_session(InterviewState.new(sid, sid))
    assert store.resolve("bb") == "bb33"
    with pytest.raises(SessionNotFound, match="matches 2 sessions"):
        store.resolve("aa")
    with pytest.raises(SessionNotFound, match="sessions list"):
        store.resolve("zz")
    store.commit(store.load_state("bb33"), [TurnRecord("user", "hi", 0)], icp_changed=True)
    assert store.delete("bb") == "bb33"
    assert store.db.execute("SELECT COUNT(*) FROM turns").fetchone()[0] == 0
    assert store.db.execute("SELECT COUNT(*) FROM icp_versions").fetchone()[0] == 0


def test_rename_changes_the_company_and_the_draft_name_and_keeps_everything_else(store):
    state = InterviewState.new("cc44", "Old Name GmbH")
    store.create_session(state)
    store.commit(state, [TurnRecord("user", "About 40% came by referral.", 0)], icp_changed=True)
    assert store.rename("cc", "  Tally   Billing ") == "cc44"
    assert store.summary("cc44").company == "Tally Billing"
    renamed = store.load_state("cc44")
    assert (renamed.company, renamed.draft.name) == ("Tally Billing", "Tally Billing")
    assert [t.text for t in store.turns("cc44")] == ["About 40% came by referral."]
    assert len(store.versions("cc44")) == 1
    with pytest.raises(ValueError, match="empty"):
        store.rename("cc44", "   ")
    with pytest.raises(SessionNotFound):
        store.rename("zz", "Anything")
    assert store.summary("cc44").company == "Tally Billing"
