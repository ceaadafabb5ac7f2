"""Saved interviews in SQLite (stdlib sqlite3), in the user data dir.

WAL mode, a schema version table and ordered migrations. Each `commit` is one transaction: the
turns, the session state and (when the ICP changed) a new ICP version, so a crash or a kill
loses at most the turn in flight. The API key is never written: the settings carry it as a
secret, and any copy a user pastes into the chat is redacted before it reaches the disk.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from icp_coach import paths
from icp_coach.domain.process import InterviewState
from icp_coach.storage.session_rows import (
    SessionSummary,
    StoredTurn,
    StoredVersion,
    TurnLike,
    row_to_state,
    row_to_turn,
    row_to_version,
    session_summary,
    state_to_row,
    turn_to_row,
    version_to_row,
)


class SessionNotFound(LookupError):
    """No saved session has this id (exit code 1 in the CLI)."""


class SessionStoreError(Exception):
    """The sessions database cannot be opened or is from a newer icp-coach."""


def _v1(db: sqlite3.Connection) -> None:
    db.execute("""CREATE TABLE sessions (
        id TEXT PRIMARY KEY, company TEXT NOT NULL, language TEXT NOT NULL,
        step INTEGER NOT NULL, completed INTEGER NOT NULL DEFAULT 0, engine TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, state_json TEXT NOT NULL)""")
    db.execute("""CREATE TABLE turns (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, speaker TEXT NOT NULL, kind TEXT NOT NULL, step INTEGER NOT NULL,
        text TEXT NOT NULL, created_at TEXT NOT NULL)""")
    db.execute("""CREATE TABLE icp_versions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, version TEXT NOT NULL, reason TEXT NOT NULL,
        document_json TEXT NOT NULL, created_at TEXT NOT NULL)""")


def _v2(db: sqlite3.Connection) -> None:
    # The ICP version shown by `sessions list` without parsing every state, and lookup indexes.
    db.execute("ALTER TABLE sessions ADD COLUMN version TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE UNIQUE INDEX turns_by_session ON turns(session_id, seq)")
    db.execute("CREATE INDEX versions_by_session ON icp_versions(session_id, seq)")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2)
SCHEMA_VERSION = len(MIGRATIONS)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_session_id() -> str:
    return uuid.uuid4().hex[:12]


class SQLiteSessionStore:
    """Implements the coach's SessionStore port, plus what `icp-coach sessions` needs."""

    def __init__(self, path: Path | None = None, *, secrets: tuple[str, ...] = ()) -> None:
        self.path = path or paths.sessions_db()
        self._secrets = tuple(secret for secret in secrets if secret)
        self._db: sqlite3.Connection | None = None

    # --- connection and schema ----------------------------------------------------------------
    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        paths.ensure(self.path.parent)
        try:
            db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                 timeout=10)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable across process kills
            db.execute("PRAGMA foreign_keys=ON")
            self._migrate(db)
        except sqlite3.DatabaseError as error:
            raise SessionStoreError(f"cannot open the sessions database {self.path}: {error}. "
                                    "Move the file aside to start a fresh one.") from error
        return db

    def _migrate(self, db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = db.execute("SELECT version FROM schema_version").fetchone()
        current = row[0] if row else 0
        if current > SCHEMA_VERSION:
            raise SessionStoreError(
                f"{self.path} has schema version {current}, newer than this icp-coach "
                f"({SCHEMA_VERSION}); upgrade icp-coach to open it")
        for number in range(current, SCHEMA_VERSION):
            db.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[number](db)
                db.execute("DELETE FROM schema_version")
                db.execute("INSERT INTO schema_version (version) VALUES (?)", (number + 1,))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def schema_version(self) -> int:
        return int(self.db.execute("SELECT version FROM schema_version").fetchone()[0])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # --- the coach's port ----------------------------------------------------------------------
    def create_session(self, state: InterviewState) -> None:
        now = _now()
        row = state_to_row(state, created_at=now, updated_at=now, secrets=self._secrets)
        with self._transaction() as db:
            db.execute(
                "INSERT INTO sessions (id, company, language, step, completed, engine, created_at,"
                " updated_at, state_json, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (row.id, row.company, row.language, row.step, row.completed, row.engine,
                 row.created_at, row.updated_at, row.state_json, row.version))

    def commit(self, state: InterviewState, turns: Sequence[TurnLike], *, icp_changed: bool,
               reason: str = "") -> None:
        now = _now()
        row = state_to_row(state, created_at=now, updated_at=now, secrets=self._secrets)
        with self._transaction() as db:
            updated = db.execute(
                "UPDATE sessions SET company=?, language=?, step=?, completed=?, engine=?,"
                " updated_at=?, state_json=?, version=? WHERE id=?",
                (row.company, row.language, row.step, row.completed, row.engine, row.updated_at,
                 row.state_json, row.version, row.id)).rowcount
            if not updated:
                raise SessionNotFound(f"no saved session {state.session_id!r} (was it deleted?)")
            if turns:
                seq = db.execute("SELECT COALESCE(MAX(seq), 0) FROM turns WHERE session_id=?",
                                 (row.id,)).fetchone()[0]
                db.executemany(
                    "INSERT INTO turns (session_id, seq, speaker, kind, step, text, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [turn_to_row(row.id, seq + n, turn, now, self._secrets)
                     for n, turn in enumerate(turns, start=1)])
            if icp_changed:
                seq = db.execute("SELECT COALESCE(MAX(seq), 0) FROM icp_versions WHERE "
                                 "session_id=?", (row.id,)).fetchone()[0]
                db.execute(
                    "INSERT INTO icp_versions (session_id, seq, version, reason, document_json,"
                    " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    version_to_row(row.id, seq + 1, state.draft, reason, now, self._secrets))

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db)

    # --- reading -----------------------------------------------------------------------------
    def resolve(self, session_id: str) -> str:
        """The full id for `session_id` or a unique prefix of it."""
        rows = self.db.execute("SELECT id FROM sessions WHERE id LIKE ? ORDER BY id",
                               (session_id.replace("%", "").replace("_", "") + "%",)).fetchall()
        exact = [r[0] for r in rows if r[0] == session_id]
        if exact:
            return exact[0]
        if len(rows) == 1 and session_id:
            return str(rows[0][0])
        if not rows or not session_id:
            raise SessionNotFound(f"no saved session {session_id!r}; "
                                  "`icp-coach sessions list` shows the ids")
        raise SessionNotFound(f"{session_id!r} matches {len(rows)} sessions; type more of the id")

    def load_state(self, session_id: str) -> InterviewState:
        full = self.resolve(session_id)
        row = self.db.execute("SELECT state_json FROM sessions WHERE id=?", (full,)).fetchone()
        return row_to_state(row[0])

    def list_sessions(self) -> list[SessionSummary]:
        rows = self.db.execute(
            "SELECT s.id, s.company, s.language, s.step, s.completed, s.engine, s.version,"
            " s.created_at, s.updated_at, (SELECT COUNT(*) FROM turns t WHERE t.session_id = s.id)"
            " FROM sessions s ORDER BY s.updated_at DESC, s.id").fetchall()
        return [session_summary(row) for row in rows]

    def summary(self, session_id: str) -> SessionSummary:
        full = self.resolve(session_id)
        return next(item for item in self.list_sessions() if item.id == full)

    def turns(self, session_id: str) -> list[StoredTurn]:
        full = self.resolve(session_id)
        rows = self.db.execute("SELECT seq, speaker, kind, step, text, created_at FROM turns"
                               " WHERE session_id=? ORDER BY seq", (full,)).fetchall()
        return [row_to_turn(row) for row in rows]

    def versions(self, session_id: str) -> list[StoredVersion]:
        full = self.resolve(session_id)
        rows = self.db.execute("SELECT seq, version, reason, created_at, document_json FROM"
                               " icp_versions WHERE session_id=? ORDER BY seq", (full,)).fetchall()
        return [row_to_version(row) for row in rows]

    def rename(self, session_id: str, name: str) -> str:
        """Give a saved session (and its draft ICP) a new company name; returns the full id.

        The session's open coach, if any, keeps its own copy: rename it there (`Coach.rename`)."""
        name = " ".join(name.split())
        if not name:
            raise ValueError("the new name is empty; type the company name to use")
        full = self.resolve(session_id)
        with self._transaction() as db:
            stored = db.execute("SELECT state_json, created_at FROM sessions WHERE id=?",
                                (full,)).fetchone()
            state = row_to_state(stored[0])
            state.company = name
            state.draft = state.draft.model_copy(update={"name": name})
            row = state_to_row(state, created_at=stored[1], updated_at=_now(),
                               secrets=self._secrets)
            db.execute("UPDATE sessions SET company=?, updated_at=?, state_json=? WHERE id=?",
                       (row.company, row.updated_at, row.state_json, full))
        return full

    def delete(self, session_id: str) -> str:
        full = self.resolve(session_id)
        with self._transaction() as db:
            db.execute("DELETE FROM sessions WHERE id=?", (full,))
        return full


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
