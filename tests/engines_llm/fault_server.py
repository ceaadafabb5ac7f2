"""A small OpenAI-compatible HTTP server on 127.0.0.1 that fails on purpose.

The first path segment picks the behaviour, so one server serves every case:
    http://127.0.0.1:PORT/<mode>/v1/chat/completions
modes: ok, 401, 404, 429 (always, with Retry-After: 1), 429once (429 then ok), 500, hang
(no answer for HANG_SECONDS), cut (a streamed reply that stops halfway), truncated (a stream that
ends cleanly but early, without a finish reason).

Bounded: it binds 127.0.0.1 only, every request is answered or dropped within HANG_SECONDS, and
`stop()` shuts it down. Requests are recorded (mode, headers, body) for assertions.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

HANG_SECONDS = 4.0
REPLY_WORDS = ["Start ", "with ", "your ", "best ", "customers ", "[1]."]


def _completion(content: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fault", "object": "chat.completion", "created": 0, "model": "fault-model",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
    }


def _chunk(delta: dict[str, Any], finish: str | None = None,
           usage: dict[str, int] | None = None) -> bytes:
    body: dict[str, Any] = {"id": "chatcmpl-fault", "object": "chat.completion.chunk", "created": 0,
                            "model": "fault-model",
                            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    if usage is not None:
        body["choices"] = []
        body["usage"] = usage
    return f"data: {json.dumps(body)}\n\n".encode()


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FaultServer

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def _send_json(self, status: int, payload: dict[str, Any],
                   headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, message: str, code: str,
               headers: dict[str, str] | None = None) -> None:
        self._send_json(status, {"error": {"message": message, "type": "error", "code": code}},
                        headers)

    def do_GET(self) -> None:
        self._send_json(200, {"object": "list", "data": [{"id": "fault-model", "object": "model"}]})

    def do_POST(self) -> None:
        mode = self.path.strip("/").split("/")[0]
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        count = self.server.record(mode, dict(self.headers), body)
        stream = bool(body.get("stream"))
        if mode == "401":
            key = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
            # Real servers echo part of the key; the client must never show it.
            self._error(401, f"Incorrect API key provided: {key}", "invalid_api_key")
        elif mode == "404":
            self._error(404, f"The model `{body.get('model')}` does not exist", "model_not_found")
        elif mode == "429" or (mode == "429once" and count == 1):
            self._error(429, "Rate limit reached", "rate_limit_exceeded", {"Retry-After": "1"})
        elif mode == "500":
            self._error(500, "The server had an error while processing your request", "server_error")
        elif mode == "hang":
            time.sleep(HANG_SECONDS)
            self.close_connection = True
        elif mode == "cut":
            self._stream(cut=True)
        elif mode == "truncated":
            self._stream(truncated=True)
        elif stream:
            self._stream()
        else:
            self._send_json(200, _completion(self.server.reply_text))

    def _stream(self, *, cut: bool = False, truncated: bool = False) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

        def send(data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        send(_chunk({"role": "assistant", "content": ""}))
        words = REPLY_WORDS[:3] if cut or truncated else REPLY_WORDS
        for word in words:
            send(_chunk({"content": word}))
        if cut:
            self.wfile.write(b"400\r\ndata: {\"choi")  # half a chunk, then the line drops
            self.wfile.flush()
            self.close_connection = True
            return
        if not truncated:
            send(_chunk({}, finish="stop"))
            send(_chunk({}, usage={"prompt_tokens": 20, "completion_tokens": 6, "total_tokens": 26}))
        send(b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), FaultHandler)
        self.requests: list[tuple[str, dict[str, str], dict[str, Any]]] = []
        self.counts: Counter[str] = Counter()
        self.reply_text = "ok"
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.1},
                                        daemon=True)

    def record(self, mode: str, headers: dict[str, str], body: dict[str, Any]) -> int:
        with self._lock:
            self.requests.append((mode, headers, body))
            self.counts[mode] += 1
            return self.counts[mode]

    def url(self, mode: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{mode}/v1"

    def start(self) -> FaultServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
