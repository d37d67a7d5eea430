"""Running steps as Ray tasks, on a cluster or on a local Ray instance started for the run.

A task whose worker process dies is run again by Ray (`max_retries`), so each item's result
comes back once; the caller sees results in input order, a bounded number in flight. Ray
keeps a worker process between tasks, so what a step loads once per process (a model) is
loaded once per worker.
"""

from __future__ import annotations

import logging
import socket
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

from recoupe.execute.errors import ExecutorError
from recoupe.execute.workers import one_thread_per_worker

T = TypeVar("T")
R = TypeVar("R")

# Times Ray runs a task again after its worker process died.
TASK_RETRIES = 3
IN_FLIGHT_PER_CPU = 2
CONNECT_TIMEOUT_S = 10
# The local instance's workers run at the priority of the run, as a local pool's do: at
# Ray's default niceness, 15, they get only what the machine's other processes leave over
# (measured on 2 cores beside one busy process: two workers 0.9-1.07x one, against
# 1.23-1.34x at niceness 0). A cluster keeps its own setting.
LOCAL_SYSTEM_CONFIG = {"worker_niceness": 0}


def run_step(step: Callable[[T], R], item: T) -> R:
    one_thread_per_worker()
    return step(item)


class RayExecutor:
    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        try:
            import ray
        except ImportError as error:
            raise ExecutorError("the Ray executor needs Ray: pip install 'recoupe[ray]'") from error
        self.ray: Any = ray
        self.owns_connection = not ray.is_initialized()
        if self.owns_connection:
            if address is not None:
                check_reachable(address)
            # "local": a new instance of our own; a cluster is named by the caller (the
            # command line reads RAY_ADDRESS), never picked up by Ray behind its back.
            instance: dict[str, Any] = (
                {"address": "local", "num_cpus": workers, "_system_config": LOCAL_SYSTEM_CONFIG}
                if address is None
                else {"address": address}
            )
            try:
                ray.init(
                    include_dashboard=False,
                    log_to_driver=False,
                    logging_level=logging.WARNING,
                    **instance,
                )
            except (ConnectionError, RuntimeError, ValueError, ray.exceptions.RayError) as error:
                where = address or "a local instance"
                hint = (
                    " (a cluster with token authentication needs RAY_AUTH_MODE=token here too)"
                    if "auth" in str(error).lower()
                    else ""
                )
                raise ExecutorError(
                    f"cannot join Ray at {where}: {one_line(error)}{hint}"
                ) from error
        self.workers = int(self.ray.cluster_resources().get("CPU", 1))
        self.task: Any = ray.remote(num_cpus=1, max_retries=TASK_RETRIES)(run_step)

    def map(
        self, step: Callable[[T], R], items: Iterable[T], lost: Callable[[T, str], R]
    ) -> Iterator[R]:
        step_ref = self.ray.put(step)
        pending: deque[tuple[T, Any]] = deque()
        iterator = iter(items)
        window = self.workers * IN_FLIGHT_PER_CPU
        while True:
            for item in islice(iterator, window - len(pending)):
                pending.append((item, self.task.remote(step_ref, item)))
            if not pending:
                return
            item, ref = pending.popleft()
            try:
                yield self.ray.get(ref)
            except self.ray.exceptions.RayError as error:
                yield lost(item, f"Ray task failed: {one_line(error)}")

    def close(self) -> None:
        if self.owns_connection and self.ray.is_initialized():
            self.ray.shutdown()


def check_reachable(address: str) -> None:
    """Fail at once when nothing listens at a `host:port` address: Ray itself would retry
    for minutes before it gives up."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or "://" in address:
        return  # "auto", "ray://…": left to Ray
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT_S).close()
    except OSError as error:
        raise ExecutorError(f"nothing answers at {address}: {error}") from error


def one_line(error: BaseException) -> str:
    lines = [line for line in str(error).splitlines() if line.strip()]
    return lines[-1] if lines else type(error).__name__
