"""The coach's own event loop, on a background thread, so a turn never blocks the screen.

A turn of the coach does blocking work between its events: the knowledge search (an HTTP call
when ICP_COACH_CHROMA_URL is set, an embedding otherwise), the SQLite commit of each turn and
draft, the extraction. Run on Textual's loop, each of those would freeze typing. Here the coach's
async generator runs on a loop of its own; the screen's `llm` worker only awaits its events
(`stream`) and writes the reply tokens into the chat.

One loop for the whole app, not one per turn: an HTTP client (the OpenAI-compatible chat model)
keeps connections bound to the loop that opened them.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

T = TypeVar("T")
_DONE = object()


class CoachThread:
    """Started on first use; `close()` stops the loop (the thread is a daemon either way)."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(target=loop.run_forever, name="icp-coach-turns",
                                          daemon=True)
                thread.start()
                self._loop, self._thread = loop, thread
            return self._loop

    async def stream(self, events: AsyncIterator[T]) -> AsyncIterator[T]:
        """The events of `events`, produced on the coach's loop, awaited on the caller's.

        Cancelling the caller (Esc stops a reply) cancels the coach's side at its next await,
        so the generator's own clean-up runs there.
        """
        caller = asyncio.get_running_loop()
        queue: asyncio.Queue[tuple[object, Any]] = asyncio.Queue()

        def hand_over(kind: object, value: Any) -> None:
            caller.call_soon_threadsafe(queue.put_nowait, (kind, value))

        async def pump() -> None:
            try:
                async for event in events:
                    hand_over(None, event)
            except asyncio.CancelledError:
                raise
            except BaseException as error:  # noqa: BLE001 - re-raised on the caller's side
                hand_over(_DONE, error)
            else:
                hand_over(_DONE, None)

        future = asyncio.run_coroutine_threadsafe(pump(), self.loop)
        try:
            while True:
                kind, value = await queue.get()
                if kind is _DONE:
                    if value is not None:
                        raise value
                    return
                yield value
        finally:
            future.cancel()  # a no-op once the turn has ended

    async def call(self, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` on the coach's thread, between turns (it may commit)."""

        async def run() -> T:
            return function(*args)

        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(run(), self.loop))

    def close(self) -> None:
        with self._lock:
            loop, self._loop = self._loop, None
        if loop is not None:
            loop.call_soon_threadsafe(loop.stop)
