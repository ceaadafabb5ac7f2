"""Every way an endpoint fails becomes one clear EngineError naming the endpoint, never the key,
against a real (fault-injecting) OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import logging
import socket

import pytest
from fault_server import FaultServer
from pydantic import BaseModel

from icp_coach.domain.icp import ICPDocument
from icp_coach.domain.ports import ChatMessage, EngineError, ReplyRequest
from icp_coach.engines.llm.factory import make_chat_model
from icp_coach.engines.llm.reply import LLMReplyWriter
from icp_coach.engines.llm.structured import StructuredOutputError, ask_structured
from icp_coach.settings import Settings

pytestmark = pytest.mark.wire
SECRET = "sk-test-DO-NOT-LEAK-4f9a8b7c6d5e"


class Answer(BaseModel):
    text: str


def chat(url: str, *, retries: int = 0, timeout: float = 10.0):
    settings = Settings(api_key=SECRET, base_url=url, max_retries=retries, timeout_seconds=timeout,
                        model="fault-model")
    return make_chat_model(settings)


def failure(url: str, **options) -> EngineError:
    with pytest.raises(EngineError) as caught:
        ask_structured(chat(url, **options), Answer, system_prompt="s", data="d",
                       method="json_schema")
    return caught.value


def reply_request() -> ReplyRequest:
    return ReplyRequest(step=1, step_title="Best customers", language="en",
                        conversation=[ChatMessage("user", "We sell to SaaS firms.")], passages=[],
                        draft=ICPDocument(name="d"), guidance="ask a follow-up")


def test_a_bad_key_names_the_endpoint_and_never_the_key(fault_server: FaultServer,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    error = failure(fault_server.url("401"))
    message = str(error)
    assert "refused the API key" in message and fault_server.url("401") in message
    assert "ICP_COACH_API_KEY" in message
    for shown in (message, repr(error), error.endpoint, error.what_to_do, caplog.text):
        assert SECRET not in shown and "DO-NOT-LEAK" not in shown


def test_the_key_is_not_in_the_reprs_of_the_model_or_the_settings(fault_server: FaultServer) -> None:
    model = chat(fault_server.url("ok"))
    settings = Settings(api_key=SECRET)
    for shown in (repr(model), str(model), repr(settings), str(settings.redacted())):
        assert SECRET not in shown


def test_an_unknown_model_says_to_check_the_model_name(fault_server: FaultServer) -> None:
    message = str(failure(fault_server.url("404")))
    assert "does not know model 'fault-model'" in message and "ICP_COACH_MODEL" in message


def test_rate_limits_are_retried_after_the_servers_delay_then_reported(fault_server: FaultServer) -> None:
    before = fault_server.counts["429"]
    error = failure(fault_server.url("429"), retries=1)
    assert fault_server.counts["429"] - before == 2  # the first try and one bounded retry
    assert "HTTP 429" in str(error) and "wait 1s" in str(error) and error.retryable


def test_a_rate_limit_that_clears_is_invisible_to_the_user(fault_server: FaultServer) -> None:
    model = chat(fault_server.url("429once"), retries=1)
    fault_server.reply_text = '{"text": "fine"}'
    answer = ask_structured(model, Answer, system_prompt="s", data="d", method="json_mode")
    assert answer.value.text == "fine" and fault_server.counts["429once"] == 2
    assert answer.usage.input_tokens == 11


def test_a_server_error_is_reported_as_retryable(fault_server: FaultServer) -> None:
    error = failure(fault_server.url("500"))
    assert "HTTP 500" in str(error) and error.retryable


def test_a_hanging_server_times_out_with_advice(fault_server: FaultServer) -> None:
    error = failure(fault_server.url("hang"), timeout=0.5)
    assert "did not answer in time" in str(error) and "ICP_COACH_TIMEOUT_SECONDS" in str(error)


def test_a_refused_connection_says_to_start_the_server_or_go_offline() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once the socket closes
    url = f"http://127.0.0.1:{port}/v1"
    message = str(failure(url))
    assert "could not connect" in message and url in message and "--engine offline" in message


async def test_a_streamed_reply_arrives_token_by_token_with_its_usage(fault_server: FaultServer) -> None:
    writer = LLMReplyWriter(chat(fault_server.url("ok")), engine_name="llm")
    tokens = [token async for token in writer.stream_reply(reply_request())]
    assert "".join(tokens) == "Start with your best customers [1]."
    assert writer.last_usage.input_tokens == 20 and writer.usage.total.output_tokens == 6


@pytest.mark.parametrize("mode", ["cut", "truncated"])
async def test_a_stream_cut_halfway_keeps_what_arrived_and_says_so(fault_server: FaultServer,
                                                                   mode: str) -> None:
    writer = LLMReplyWriter(chat(fault_server.url(mode)), engine_name="llm")
    received: list[str] = []
    with pytest.raises(EngineError) as caught:
        async for token in writer.stream_reply(reply_request()):
            received.append(token)
    assert "".join(received) == "Start with your "
    assert "cut halfway" in str(caught.value) and fault_server.url(mode) in str(caught.value)


async def test_a_reply_that_fails_before_any_token_is_an_engine_error(fault_server: FaultServer) -> None:
    writer = LLMReplyWriter(chat(fault_server.url("401")), engine_name="llm")
    with pytest.raises(EngineError, match="refused the API key"):
        async for _ in writer.stream_reply(reply_request()):
            pass


def test_no_endpoint_configured_is_a_clear_error() -> None:
    with pytest.raises(EngineError, match="no LLM endpoint is configured"):
        make_chat_model(Settings())


@pytest.mark.parametrize("method", ["json_schema", "json_mode"])
def test_output_that_is_not_valid_json_is_retried_then_reported(fault_server: FaultServer,
                                                                method: str) -> None:
    fault_server.reply_text = "Sure! Here is the answer: text=fine"
    before = fault_server.counts["ok"]
    with pytest.raises(StructuredOutputError, match="did not fit the Answer schema twice"):
        ask_structured(chat(fault_server.url("ok")), Answer, system_prompt="s", data="d",
                       method=method)
    assert fault_server.counts["ok"] - before == 2  # one retry, with the error, then reported
    retry = fault_server.requests[-1][2]["messages"][-1]["content"]
    assert "did not fit the required schema" in retry and "text=fine" in retry
