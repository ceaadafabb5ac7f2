"""The one composition root: wires engines, the knowledge base and storage for the CLI, the TUI
and the tests alike. Tests pass fakes in (`chat_model=...`); nothing global is patched.

Every adapter is built lazily on first use, so a command pays only for what it needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from icp_coach.settings import Settings


def resolve_engine(settings: Settings, *, chat_model: Any = None) -> str:
    """auto: a configured endpoint (or an injected chat model), else the local model if
    installed, else offline."""
    if settings.engine != "auto":
        return settings.engine
    if chat_model is not None or settings.has_endpoint:
        return "llm"
    from icp_coach.engines.llm.local_model import local_model_installed  # noqa: PLC0415

    if local_model_installed(settings):
        return "local"
    return "offline"


@dataclass
class App:
    """What a command or the TUI needs, built on demand from the settings."""

    settings: Settings
    chat_model: Any = None  # a LangChain chat model; tests inject fakes here
    embedder: Any = None  # optional override of the bundled embedding model
    _closers: list[Any] = field(default_factory=list)

    @cached_property
    def engine_name(self) -> str:
        return resolve_engine(self.settings, chat_model=self.chat_model)

    # --- who thinks -------------------------------------------------------------------------
    @cached_property
    def llm_chat_model(self) -> Any:
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
    def offline_extractor(self) -> Any:
        from icp_coach.engines.offline.extractor import OfflineExtractor

        return OfflineExtractor(cny_per_usd=self.settings.cny_per_usd)

    @cached_property
    def extractor(self) -> Any:
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
    def reply_writer(self) -> Any:
        """A ReplyWriter: scripted and retrieved offline and on the small local model."""
        if self.engine_name in ("offline", "local"):
            from icp_coach.engines.offline.reply import ScriptedReplyWriter

            return ScriptedReplyWriter()
        from icp_coach.engines.llm.reply import LLMReplyWriter

        return LLMReplyWriter(self.llm_chat_model, engine_name=self.engine_name)

    @cached_property
    def persona_writer(self) -> Any:
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
    def jtbd_extractor(self) -> Any:
        """A JTBDExtractor (domain/ports.py): cue lexicons and prototypes offline; on llm and
        local the LLM proposes, every quote is checked, and the offline result backs it up."""
        from icp_coach.embeddings import BundledEmbedder
        from icp_coach.engines.offline.jtbd.extractor import OfflineJTBDExtractor

        offline = OfflineJTBDExtractor(embedder=self.embedder or BundledEmbedder())
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
    def knowledge(self) -> Any:
        """The knowledge base (KnowledgeSearch port), indexed on first use when missing."""
        from icp_coach.kb.knowledge_base import KnowledgeBase

        return KnowledgeBase.open(self.settings, embedder=self.embedder)

    def open_knowledge(self, notify: Any) -> Any:
        """The knowledge base with its indexing messages sent to `notify` instead of stderr (the
        TUI shows them as progress); later uses of `self.knowledge` get this same one."""
        from icp_coach.kb.knowledge_base import KnowledgeBase

        knowledge = KnowledgeBase.open(self.settings, embedder=self.embedder, notify=notify)
        self.__dict__["knowledge"] = knowledge  # fills the cached property
        return knowledge

    # --- the guided interview (coach) -----------------------------------------------------------
    @cached_property
    def session_store(self) -> Any:
        """Saved interviews (SQLite in the data dir); the API key is redacted from anything saved."""
        from icp_coach.storage.sessions import SQLiteSessionStore

        key = self.settings.api_key.get_secret_value() if self.settings.api_key else ""
        store = SQLiteSessionStore(secrets=(key,))
        self._closers.append(store.close)
        return store

    def start_coach(self, session_id: str | None = None, *, company: str = "My company",
                    language: str | None = None, auto_advance: bool = True,
                    with_knowledge: bool = True) -> Any:
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
            state = InterviewState.new(new_session_id(), company, lang,  # type: ignore[arg-type]
                                       engine=self.engine_name)
            store.create_session(state)

        def save_export(text: str, fmt: str, sid: str) -> str:
            from icp_coach import paths

            target = paths.export_file(state.company, sid, fmt)  # the same as the TUI's F5
            return str(write_text_atomic(paths.ensure(target.parent) / target.name, text))

        coach = Coach(state, extractor=self.extractor, reply_writer=self.reply_writer,
                      knowledge=self.knowledge if with_knowledge else None, store=store,
                      texts=CoachTexts(load_prompt), exporter=save_export,
                      auto_advance=auto_advance)
        if session_id is not None:  # the LLM writer sees the recent conversation after a resume
            from icp_coach.domain.ports import ChatMessage

            coach.conversation = [ChatMessage(turn.speaker, turn.text)  # type: ignore[arg-type]
                                  for turn in store.turns(state.session_id)[-12:]]
        return coach

    # --- tables: CRM import, best customers, prospect scoring, market size (analysis adapter) --
    @cached_property
    def tables(self) -> Any:
        """The table-analysis adapter (Polars and scipy load on first use)."""
        from icp_coach.analysis.facade import TableAnalysis

        return TableAnalysis(cny_per_usd=self.settings.cny_per_usd)

    def with_settings(self, settings: Settings) -> App:
        """A fresh composition root for new settings (nothing built yet), keeping what was
        injected (a fake chat model, an embedder). This one stays as it is: close it yourself."""
        return App(settings=settings, chat_model=self.chat_model, embedder=self.embedder)

    def close(self) -> None:
        """Stop what was started (the local model server), newest first."""
        while self._closers:
            self._closers.pop()()


def make_app(settings: Settings | None = None, chat_model: Any = None, **overrides: Any) -> App:
    from icp_coach.settings import load_settings

    return App(settings=settings or load_settings(), chat_model=chat_model, **overrides)
