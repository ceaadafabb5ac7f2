"""Settings changed in the TUI rewire through `App.with_settings`: injected fakes stay."""

from __future__ import annotations

from langchain_core.language_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from icp_coach.bootstrap import make_app
from icp_coach.embeddings import HashingEmbedder
from icp_coach.settings import Settings
from icp_coach.tui.app import rewired_context


def test_new_settings_give_fresh_wiring_with_the_same_injected_model_and_embedder() -> None:
    model = GenericFakeChatModel(messages=iter([AIMessage("hi")]))
    embedder = HashingEmbedder()
    old = make_app(Settings(engine="llm", model="gpt-4o"), chat_model=model, embedder=embedder)
    assert old.reply_writer is not None  # something built on the old wiring
    old._closers.append(lambda: None)
    new = rewired_context(old, Settings(engine="offline", model="other"))
    assert new is not old
    assert (new.chat_model, new.embedder) == (model, embedder)
    assert (new.settings.engine, new.settings.model) == ("offline", "other")
    assert new.engine_name == "offline" and old.engine_name == "llm"
    assert "reply_writer" not in new.__dict__ and new._closers == []
    assert len(old._closers) == 1  # the old wiring is closed by whoever owns it
