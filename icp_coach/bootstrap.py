"""The one composition root: wires engines, the knowledge base and storage for the CLI, the TUI
and the tests alike. Tests pass fakes in (`chat_model=...`); nothing global is patched.

Every adapter is built here and only here, lazily on first use, so a command pays only for what
it needs. Each property is typed with the port of domain/ports.py (or services/coach_ports.py)
it fills, so mypy checks that every adapter satisfies its port.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from icp_coach.domain.language import Language
from icp_coach.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models.chat_models import BaseChatModel

    from icp_coach.analysis.facade import TableAnalysis
    from icp_coach.domain.ports import ICPExtractor, JTBDExtractor, PersonaWriter, ReplyWriter
    from icp_coach.embeddings import Embedder
    from icp_coach.engines.offline.extractor import OfflineExtractor
    from icp_coach.kb.knowledge_base import KnowledgeBase, Notify
    from icp_coach.services.coach import Coach
    from icp_coach.storage.sessions import SQLiteSessionStore

RunningEngine = Literal["llm", "local", "offline"]


@dataclass(frozen=True)
class EngineChoice:
    """Which engine runs and why, in words a user can act on (stderr, the TUI status line, JSON)."""

    name: RunningEngine
    reason: str

    def line(self) -> str:
        return f"engine: {self.name} ({self.reason})"

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "reason": self.reason}


def describe_engine(settings: Settings, *, chat_model: object = None) -> EngineChoice:
    """`auto` picks a configured endpoint, else offline; the embedded model runs only when asked
    for (`--engine local` or `engine = "local"`), because it is about 100 times slower."""
    endpoint = settings.base_url or "api.openai.com"
    if settings.engine == "llm":
        return EngineChoice("llm", f"asked for; {settings.model} at {endpoint}")
    if settings.engine == "local":
        return EngineChoice("local", f"asked for; the embedded {settings.local_model_size} model on this "
                                     "machine, slower than offline")
    if settings.engine == "offline":
        return EngineChoice("offline", "asked for; rules and the bundled embeddings, no model")
    if chat_model is not None:
        return EngineChoice("llm", "auto: a chat model was given")
    if settings.has_endpoint:
        return EngineChoice("llm", f"auto: an endpoint is configured ({settings.model} at {endpoint})")
    return EngineChoice("offline", "no endpoint configured; --engine local uses the embedded model")


def resolve_engine(settings: Settings, *, chat_model: object = None) -> str:
    """The name of the engine `describe_engine` picks."""
    return describe_engine(settings, chat_model=chat_model).name


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class _ReportedEmbedder:
    """The shared embedder; the first time it cannot load, says so once (then fails as before,
    and the adapter using it goes on without embeddings)."""

    def __init__(self, inner: Embedder, warn: Callable[[str], None]) -> None:
        self._inner = inner
        self._warn = warn
        self._warned = False
        self.name: str = str(getattr(inner, "name", type(inner).__name__))  # keys the knowledge index

    def _guard(self, call: Callable[[Sequence[str]], list[list[float]]], texts: Sequence[str]) -> list[list[float]]:
        try:
            return call(texts)
        except Exception as error:
            if not self._warned:
                self._warned = True
                self._warn(f"warning: the embedding model could not load ({error}); the offline "
                           "engine goes on with its rules alone")
            raise

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        return self._guard(self._inner.embed_passages, texts)

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        return self._guard(self._inner.embed_queries, texts)

    def __getattr__(self, name: str) -> object:  # name, dimensions of the wrapped model
        return getattr(self._inner, name)


@dataclass
class App:
    """What a command or the TUI needs, built on demand from the settings."""

    settings: Settings
    chat_model: BaseChatModel | None = None  # a LangChain chat model; tests inject fakes here
    embedder: Embedder | None = None  # optional override of the bundled embedding model
    announce: Callable[[str], None] | None = _to_stderr  # where the engine line and warnings go
    _closers: list[Callable[[], None]] = field(default_factory=list)
    _announced: bool = False

    @cached_property
    def engine(self) -> EngineChoice:
        return describe_engine(self.settings, chat_model=self.chat_model)

    @cached_property
    def engine_name(self) -> RunningEngine:
        return self.engine.name

    def announce_engine(self) -> EngineChoice:
        """Name the engine and why (once, before the slow part); `--engine llm` without an
        endpoint fails here, at once, before any model library is imported."""
        choice = self.engine
        if choice.name == "llm" and self.chat_model is None:
            from icp_coach.engines.llm.factory import require_endpoint

            require_endpoint(self.settings)
        if not self._announced and self.announce is not None:
            self._announced = True
            self.announce(choice.line())
        return choice

    def _say(self, line: str) -> None:
        if self.announce is not None:
            self.announce(line)

    @cached_property
    def shared_embedder(self) -> Embedder:
        """The one embedding model the adapters share: the injected one, else the bundled one;
        a model that cannot load is reported once (`announce`), not silently turned off."""
        if self.embedder is not None:
            return _ReportedEmbedder(self.embedder, self._say)
        from icp_coach.embeddings import BundledEmbedder

        return _ReportedEmbedder(BundledEmbedder(), self._say)

    # --- where things are kept ------------------------------------------------------------------
    @cached_property
    def data_dir(self) -> Path:
        """`data_dir` of the settings (flag, environment or config file), else the platform's."""
        from icp_coach import paths

        return Path(self.settings.data_dir) if self.settings.data_dir else paths.data_dir()

    @property
    def exports_dir(self) -> Path:
        """Where the coach saves exported ICPs (the one folder for every export of a session)."""
        return self.data_dir / "exports"

    # --- who thinks -------------------------------------------------------------------------
    @cached_property
    def llm_chat_model(self) -> BaseChatModel:
        """The LangChain chat model for the llm and local engines (started on first use)."""
        if self.chat_model is not None:
            return self.chat_model
        from icp_coach.engines.llm.factory import make_chat_model

        if self.engine_name == "local":
            from icp_coach.engines.llm.local_model import start_local_server

            server = start_local_server(self.settings)
            self._closers.append(server.stop)
            return make_chat_model(self.settings, base_url=server.base_url, api_key="local",
                                   **server.chat_options)
        return make_chat_model(self.settings)

    @cached_property
    def offline_extractor(self) -> OfflineExtractor:
        from icp_coach.engines.offline.extractor import OfflineExtractor

        return OfflineExtractor(cny_per_usd=self.settings.cny_per_usd, embedder=self.shared_embedder)

    @cached_property
    def extractor(self) -> ICPExtractor:
        """An ICPExtractor (domain/ports.py) for the chosen engine."""
        if self.engine_name == "offline":
            return self.offline_extractor
        from icp_coach.engines.llm.extractor import LLMExtractor

        return LLMExtractor(
            self.llm_chat_model,
            method=self.settings.structured_method,
            engine_name=self.engine_name,
            fallback=self.offline_extractor,
            cny_per_usd=self.settings.cny_per_usd,
        )

    @cached_property
    def reply_writer(self) -> ReplyWriter:
        """A ReplyWriter: scripted and retrieved offline and on the small local model."""
        if self.engine_name in ("offline", "local"):
            from icp_coach.engines.offline.reply import ScriptedReplyWriter

            return ScriptedReplyWriter()
        from icp_coach.engines.llm.reply import LLMReplyWriter

        return LLMReplyWriter(self.llm_chat_model, engine_name=self.engine_name)

    @cached_property
    def persona_writer(self) -> PersonaWriter:
        """A PersonaWriter: role templates and evidence offline; structured output on an LLM."""
        from icp_coach.engines.offline.personas import OfflinePersonaWriter
        from icp_coach.prompt_files import load_prompt

        offline = OfflinePersonaWriter(load_prompt)
        if self.engine_name in ("offline", "local"):
            return offline
        from icp_coach.engines.llm.personas import LLMPersonaWriter

        return LLMPersonaWriter(self.llm_chat_model, engine_name=self.engine_name, fallback=offline,
                                method=self.settings.structured_method)

    @cached_property
    def jtbd_extractor(self) -> JTBDExtractor:
        """A JTBDExtractor (domain/ports.py): cue lexicons and prototypes offline; on llm and
        local the LLM proposes, every quote is checked, and the offline result backs it up."""
        from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor

        offline = OfflineJTBDExtractor(embedder=self.shared_embedder)
        if self.engine_name == "offline":
            return offline
        from icp_coach.engines.llm.jtbd import LLMJTBDExtractor

        return LLMJTBDExtractor(
            self.llm_chat_model,
            method=self.settings.structured_method,
            engine_name=self.engine_name,
            fallback=offline,
            merge_with_fallback=self.engine_name == "local",
        )

    # --- what it knows ------------------------------------------------------------------------
    @cached_property
    def knowledge(self) -> KnowledgeBase:
        """The knowledge base (KnowledgeSearch port), indexed on first use when missing."""
        from icp_coach.kb.knowledge_base import KnowledgeBase

        return KnowledgeBase.open(self.settings, embedder=self.shared_embedder)

    def open_knowledge(self, notify: Notify) -> KnowledgeBase:
        """The knowledge base with its indexing messages sent to `notify` instead of stderr (the
        TUI shows them as progress); later uses of `self.knowledge` get this same one."""
        from icp_coach.kb.knowledge_base import KnowledgeBase

        knowledge = KnowledgeBase.open(self.settings, embedder=self.shared_embedder, notify=notify)
        self.__dict__["knowledge"] = knowledge  # fills the cached property
        return knowledge

    # --- the guided interview (coach) -----------------------------------------------------------
    @cached_property
    def session_store(self) -> SQLiteSessionStore:
        """Saved interviews (SQLite in the data folder); the API key is redacted from anything saved."""
        from icp_coach.storage.sessions import SQLiteSessionStore

        key = self.settings.api_key.get_secret_value() if self.settings.api_key else ""
        store = SQLiteSessionStore(self.data_dir / "sessions.sqlite3", secrets=(key,))
        self._closers.append(store.close)
        return store

    def start_coach(self, session_id: str | None = None, *, company: str = "My company",
                    language: Language | None = None, auto_advance: bool = True,
                    with_knowledge: bool = True) -> Coach:
        """A Coach (services/coach.py) for a new session, or the saved one `session_id`."""
        from icp_coach.domain.process import InterviewState
        from icp_coach.prompt_files import load_prompt
        from icp_coach.services.coach import Coach
        from icp_coach.services.coach_texts import CoachTexts
        from icp_coach.storage.atomic import write_text_atomic
        from icp_coach.storage.sessions import new_session_id

        store = self.session_store
        if session_id is not None:
            state = store.load_state(session_id)
        else:
            lang = language or self.settings.language
            state = InterviewState.new(new_session_id(), company, lang,
                                       engine=self.engine_name)
            store.create_session(state)

        def save_export(text: str, fmt: str, sid: str) -> str:
            from icp_coach import paths

            # One folder and one naming for `/export` and the TUI's F5.
            target = paths.ensure(self.exports_dir) / paths.export_file_name(state.company, sid,
                                                                             fmt)
            return str(write_text_atomic(target, text))

        coach = Coach(state, extractor=self.extractor, reply_writer=self.reply_writer,
                      knowledge=self.knowledge if with_knowledge else None, store=store,
                      texts=CoachTexts(load_prompt), exporter=save_export,
                      auto_advance=auto_advance)
        if session_id is not None:  # the LLM writer sees the recent conversation after a resume
            from icp_coach.domain.ports import ChatMessage

            coach.conversation = [ChatMessage("coach" if turn.speaker == "coach" else "user", turn.text)
                                  for turn in store.turns(state.session_id)[-12:]]
        return coach

    # --- tables: CRM import, best customers, prospect scoring, market size (analysis adapter) --
    @cached_property
    def tables(self) -> TableAnalysis:
        """The table-analysis adapter (Polars and scipy load on first use); prospect filters on
        places and trades read cells through the offline engine's taxonomy."""
        from icp_coach.analysis.facade import TableAnalysis
        from icp_coach.engines.offline.place_trade_taxonomy import GazetteerTaxonomy

        return TableAnalysis(cny_per_usd=self.settings.cny_per_usd, taxonomy=GazetteerTaxonomy())

    def with_settings(self, settings: Settings) -> App:
        """A fresh composition root for new settings (nothing built yet), keeping what was
        injected (a fake chat model, an embedder). This one stays as it is: close it yourself."""
        return App(settings=settings, chat_model=self.chat_model, embedder=self.embedder,
                   announce=self.announce)

    def close(self) -> None:
        """Stop what was started (the local model server), newest first."""
        while self._closers:
            self._closers.pop()()


def make_app(settings: Settings | None = None, chat_model: BaseChatModel | None = None, *,
             embedder: Embedder | None = None,
             announce: Callable[[str], None] | None = _to_stderr) -> App:
    from icp_coach.settings import load_settings

    return App(settings=settings or load_settings(), chat_model=chat_model, embedder=embedder,
               announce=announce)
