"""The local engine over the wire: the real embedded xllamacpp server with the 0.5B model.
The server starts once per session (conftest.local_server)."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from icp_coach.domain.icp import ICPDocument, NumberRange
from icp_coach.domain.ports import ChatMessage, EngineError, ReplyRequest
from icp_coach.engines.llm.extractor import LLMExtractor
from icp_coach.engines.llm.factory import make_chat_model
from icp_coach.engines.llm.local_model import start_local_server
from icp_coach.engines.llm.reply import LLMReplyWriter
from icp_coach.settings import Settings

pytestmark = [pytest.mark.wire, pytest.mark.slow]

NOTES = """Our best customers:
- B2B SaaS companies with 50 to 300 employees.
- They use Stripe and HubSpot.
- The champion is the Head of RevOps; the CFO signs."""


def local_chat(server, **overrides):
    settings = Settings(temperature=0.0, max_retries=0)
    options = {**server.chat_options, **overrides}
    return make_chat_model(settings, base_url=server.base_url, api_key="local", **options)


def test_the_server_is_healthy_on_loopback(local_server) -> None:
    assert local_server.base_url.startswith("http://127.0.0.1:")
    health = local_server.base_url.removesuffix("/v1") + "/health"
    with urllib.request.urlopen(health, timeout=5) as response:
        assert response.status == 200


def test_json_schema_extraction_finds_the_notes_facts_and_code_parses_the_numbers(local_server) -> None:
    extractor = LLMExtractor(local_chat(local_server, max_tokens=400), method="json_schema",
                             engine_name="local")
    result = extractor.extract_patch(NOTES, step=1, draft=ICPDocument(name="d"), language="en")
    patch = result.patch
    assert result.engine == "local" and result.usage.input_tokens > 0
    assert patch.employees == NumberRange(min=50, max=300)
    found = {item.lower() for item in patch.tech_stack}
    assert found & {"stripe", "hubspot"}
    # Whatever the model kept is really in the notes: nothing invented survives the check.
    lowered = NOTES.lower()
    for item in patch.industries + patch.tech_stack:
        assert item.lower() in lowered


async def test_a_coaching_reply_streams_from_the_local_model(local_server) -> None:
    writer = LLMReplyWriter(local_chat(local_server, max_tokens=24), engine_name="local")
    request = ReplyRequest(step=1, step_title="Best customers", language="en",
                           conversation=[ChatMessage("user", "We sell billing software to SaaS.")],
                           passages=[], draft=ICPDocument(name="d"), guidance="ask who renews")
    tokens = [token async for token in writer.stream_reply(request)]
    assert len(tokens) > 1 and "".join(tokens).strip()
    assert writer.last_usage.output_tokens > 0


def test_a_broken_model_file_gives_a_clear_start_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + b"\0" * 64)
    with pytest.raises(EngineError) as caught:
        start_local_server(Settings(), model_path=broken)
    assert "exited while starting" in str(caught.value)
    assert "models install" in str(caught.value)


def test_stopping_the_server_closes_its_port(local_model_file: Path) -> None:
    server = start_local_server(Settings(), model_path=local_model_file)
    assert server.running
    server.stop()
    server.stop()  # idempotent: atexit may call it again
    assert server.process.returncode is not None and not server.running
    with pytest.raises(OSError):
        urllib.request.urlopen(server.base_url.removesuffix("/v1") + "/health", timeout=2)


def test_an_uninstalled_model_says_how_to_install_it() -> None:
    with pytest.raises(EngineError, match="icp-coach models install --size 0.5b"):
        start_local_server(Settings(local_model_size="0.5b"))
