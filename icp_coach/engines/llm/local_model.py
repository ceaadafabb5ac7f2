"""The `local` engine's server: xllamacpp serving the installed GGUF on 127.0.0.1 at a free port,
started on first use, health-checked before use, stopped on exit (and by atexit)."""

from __future__ import annotations

import atexit
import importlib.util
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from icp_coach.domain.ports import EngineError
from icp_coach.engines.llm import model_store
from icp_coach.settings import Settings

START_TIMEOUT_SECONDS = 90.0
CONTEXT_TOKENS = 8192
# A small model on two shared cores reads about 50 tokens/s and writes about 15-40: a long note
# takes minutes, so the local engine waits longer than a hosted endpoint, and caps its answer.
LOCAL_TIMEOUT_SECONDS = 600.0
LOCAL_MAX_TOKENS = 1024


def local_model_installed(settings: Settings) -> bool:
    """True when the configured size is assembled and verified in the data dir."""
    return model_store.is_installed(settings.local_model_size)


@dataclass
class LocalServer:
    base_url: str  # ends with /v1, ready for ChatOpenAI
    model_name: str
    process: subprocess.Popen[bytes]
    log_file: IO[bytes]
    _stopped: bool = field(default=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def chat_options(self) -> dict[str, Any]:
        """Keyword arguments for factory.make_chat_model that suit this server."""
        return {"model": self.model_name, "timeout_seconds": LOCAL_TIMEOUT_SECONDS,
                "max_tokens": LOCAL_MAX_TOKENS}

    @property
    def running(self) -> bool:
        return not self._stopped and self.process.poll() is None

    def stop(self) -> None:
        """Close the child's stdin (it exits on EOF); escalate if it lingers. Idempotent."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        try:
            if self.process.stdin:
                self.process.stdin.close()
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        finally:
            self.log_file.close()
            Path(self.log_file.name).unlink(missing_ok=True)
            atexit.unregister(self.stop)


def default_threads() -> int:
    """One core is left to the app (and whoever else shares the machine): llama.cpp's threads
    wait on each other every layer, so one descheduled thread stalls them all. Measured on a busy
    2-core machine: 1 thread 2.6 tokens/s, 2 threads 0.2 tokens/s."""
    override = os.environ.get("ICP_COACH_LOCAL_THREADS", "")
    if override.isdigit() and int(override) > 0:
        return int(override)
    return max(1, min(8, (os.cpu_count() or 2) - 1))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
            return response.status == 200 and json.loads(response.read() or b"{}").get("status") == "ok"
    except (urllib.error.URLError, OSError, ValueError):
        return False  # not listening yet, or still loading the model (503)


def _log_tail(log_file: IO[bytes], lines: int = 8) -> str:
    log_file.flush()
    text = Path(log_file.name).read_text(encoding="utf-8", errors="replace")
    return " | ".join(line for line in text.strip().splitlines()[-lines:] if line.strip())


def start_local_server(settings: Settings, *, model_path: Path | None = None,
                       threads: int = 0) -> LocalServer:
    """Start the embedded server and wait until /health says ok; a clear EngineError if not."""
    size = settings.local_model_size
    spec = model_store.spec_for(size)
    target = model_path or model_store.model_path(size)
    # An explicit path (tests, advanced use) is trusted to exist; the data dir's model must be
    # assembled and verified.
    usable = target.is_file() if model_path else model_store.is_installed(size, target)
    if not usable:
        raise EngineError(
            f"the local {size} model is not installed",
            endpoint="local model",
            what_to_do=f"run: icp-coach models install --size {size} (after {spec.install_hint}), "
                       "or use --engine offline",
        )
    if importlib.util.find_spec("xllamacpp") is None:
        raise EngineError("the local model runtime (xllamacpp) is not installed",
                          endpoint="local model",
                          what_to_do="run: pip install 'icp-coach[local]', or use --engine offline")
    port = _free_port()
    log_file = tempfile.NamedTemporaryFile(prefix="icp-coach-local-", suffix=".log", delete=False)  # noqa: SIM115
    command = [sys.executable, "-m", "icp_coach.engines.llm.local_server_process",
               "--model", str(target), "--port", str(port), "--context", str(CONTEXT_TOKENS),
               "--threads", str(threads or settings.local_threads or default_threads())]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=log_file, stderr=log_file)
    server = LocalServer(base_url=f"http://127.0.0.1:{port}/v1",
                         model_name=f"qwen2.5-coder-{size}-instruct", process=process,
                         log_file=log_file)
    atexit.register(server.stop)
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = _log_tail(log_file)
            server.stop()
            raise EngineError(
                f"the local model server exited while starting (code {process.returncode}): {tail}",
                endpoint=f"http://127.0.0.1:{port}",
                what_to_do=f"reinstall the model (icp-coach models remove --size {size}; "
                           f"icp-coach models install --size {size}), or use --engine offline",
            )
        if _healthy(port):
            return server
        time.sleep(0.2)
    server.stop()
    raise EngineError(
        f"the local model server did not become healthy within {START_TIMEOUT_SECONDS:.0f}s",
        endpoint=f"http://127.0.0.1:{port}",
        what_to_do="close other heavy programs and try again, or use --engine offline",
    )
