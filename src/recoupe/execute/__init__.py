"""Executors: where pipeline steps run. A step is a plain function of one work item (a
batch of documents, a shard of the inputs); an executor maps it over items and yields the
results in input order, a bounded number of items in flight. Steps know nothing of
executors, and executors nothing of articles.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Literal, Protocol, TypeVar

from recoupe.execute.errors import ExecutorError

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["Executor", "ExecutorError", "ExecutorKind", "available_cores", "make_executor"]

ExecutorKind = Literal["local", "ray"]


class Executor(Protocol):
    workers: int

    def map(
        self, step: Callable[[T], R], items: Iterable[T], lost: Callable[[T, str], R]
    ) -> Iterator[R]:
        """`step(item)` for every item, in order; `lost(item, why)` for an item that could
        not be run (its worker died every time it was tried, or the step raised)."""
        ...

    def close(self) -> None: ...


def available_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def make_executor(
    kind: ExecutorKind = "local", workers: int | None = None, address: str | None = None
) -> Executor:
    """`workers` processes on this machine (one: this process), or a Ray cluster: the one at
    `address`, else a local one of `workers` CPUs started for the run."""
    if kind == "ray":
        from recoupe.execute.ray import RayExecutor

        return RayExecutor(workers, address)
    from recoupe.execute.local import InProcess, ProcessPool

    count = workers or available_cores()
    return InProcess() if count == 1 else ProcessPool(count)
