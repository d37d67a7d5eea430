"""Running steps in this process, or in a pool of worker processes on this machine."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import TypeVar

from recoupe.execute.workers import one_thread_per_worker

T = TypeVar("T")
R = TypeVar("R")

# Items in flight per worker: enough to keep each busy while the caller consumes results,
# few enough that memory stays bounded however long the input.
IN_FLIGHT_PER_WORKER = 2
# Times an item is run alone after its worker died before it counts as lost.
SOLO_ATTEMPTS = 2
# Imported once by the fork server, so that each worker starts with them loaded.
PRELOAD = ["recoupe.analyze"]


class InProcess:
    """Every step in the calling process, one after the other."""

    workers = 1

    def map(
        self, step: Callable[[T], R], items: Iterable[T], lost: Callable[[T, str], R]
    ) -> Iterator[R]:
        for item in items:
            yield run_here(step, item, lost)

    def close(self) -> None:
        pass


def run_here(step: Callable[[T], R], item: T, lost: Callable[[T, str], R]) -> R:
    try:
        return step(item)
    except Exception as error:
        return lost(item, f"step failed: {error!r}")


class ProcessPool:
    """`workers` processes started from a fork server (no threads of the caller are
    inherited); started at the first input that is longer than one item."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    def map(
        self, step: Callable[[T], R], items: Iterable[T], lost: Callable[[T, str], R]
    ) -> Iterator[R]:
        iterator = iter(items)
        first = next(iterator, None)
        if first is None:
            return
        second = next(iterator, None)
        if second is None:  # one item: starting workers would cost more than it saves
            yield run_here(step, first, lost)
            return
        yield from self.map_pooled(step, chain([first, second], iterator), lost)

    def map_pooled(
        self, step: Callable[[T], R], items: Iterator[T], lost: Callable[[T, str], R]
    ) -> Iterator[R]:
        pending: deque[tuple[T, Future[R] | None]] = deque()
        window = self.workers * IN_FLIGHT_PER_WORKER
        while True:
            for item in islice(items, window - len(pending)):
                pending.append((item, self.submit(step, item)))
            if not pending:
                return
            item, future = pending[0]
            try:
                if future is None:
                    raise BrokenProcessPool("the pool broke before this item was sent")
                result = future.result()
            except BrokenProcessPool:
                yield from self.recover(step, list(pending), lost)
                pending.clear()
                continue
            except Exception as error:
                result = lost(item, f"step failed: {error!r}")
            pending.popleft()
            yield result

    def recover(
        self,
        step: Callable[[T], R],
        in_flight: list[tuple[T, Future[R] | None]],
        lost: Callable[[T, str], R],
    ) -> Iterator[R]:
        """A worker died (killed, out of memory, a crash in native code). The results that
        came back are kept; which other item killed it is unknown, so each is run again on
        its own."""
        self.close()
        for item, future in in_flight:
            if future is not None and future.done() and not future.cancelled():
                error = future.exception()
                if error is None:
                    yield future.result()
                    continue
                if not isinstance(error, BrokenProcessPool):
                    yield lost(item, f"step failed: {error!r}")
                    continue
            yield self.run_alone(step, item, lost)

    def run_alone(self, step: Callable[[T], R], item: T, lost: Callable[[T, str], R]) -> R:
        for _attempt in range(SOLO_ATTEMPTS):
            try:
                return self.started().submit(step, item).result()
            except BrokenProcessPool:
                self.close()
            except Exception as error:
                return lost(item, f"step failed: {error!r}")
        return lost(item, f"its worker process died each of the {SOLO_ATTEMPTS} times it ran alone")

    def submit(self, step: Callable[[T], R], item: T) -> Future[R] | None:
        """The item sent to a worker, or None when the pool is broken (a worker died)."""
        try:
            return self.started().submit(step, item)
        except BrokenProcessPool:
            return None

    def started(self) -> ProcessPoolExecutor:
        if self.pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)
            self.pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=context, initializer=one_thread_per_worker
            )
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
