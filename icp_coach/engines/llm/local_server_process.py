"""The child process that runs xllamacpp's OpenAI-compatible server on 127.0.0.1.

Run by local_model.start_local_server, never by hand. A separate process keeps a crash in the
native runtime away from the app, and makes stopping it certain. It exits when its parent closes
its stdin (the parent stopped it, or died), so no server is ever left behind.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading


def _serve(model: str, port: int, context: int, threads: int) -> object:
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = model
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.n_ctx = context
    params.n_parallel = 1
    params.use_jinja = True
    params.verbosity = 1  # errors only; info lines would flood the log
    params.ui = False
    # Wait for work without spinning: on a shared 2-core machine, polling threads steal the
    # cores the other threads need and generation slows several-fold.
    params.cpuparams.poll = 0
    params.cpuparams_batch.poll = 0
    if threads > 0:
        params.cpuparams.n_threads = threads
        params.cpuparams_batch.n_threads = threads
    return xllamacpp.Server(params)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="icp-coach-local-server")
    parser.add_argument("--model", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--context", type=int, default=8192)
    parser.add_argument("--threads", type=int, default=0)
    options = parser.parse_args(argv)
    try:
        server = _serve(options.model, options.port, options.context, options.threads)
    except Exception as error:  # reported to the parent through our exit code and stderr
        print(f"could not start the model server: {error}", file=sys.stderr, flush=True)
        return 2
    print(f"ready {getattr(server, 'listening_address', '')}", flush=True)
    stopped = threading.Event()

    def watch_parent() -> None:
        sys.stdin.read()  # returns at EOF: the parent closed the pipe or is gone
        stopped.set()

    threading.Thread(target=watch_parent, daemon=True).start()
    stopped.wait()
    os._exit(0)  # the native server's threads do not join; leave at once


if __name__ == "__main__":
    sys.exit(main())
