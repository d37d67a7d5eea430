"""Executors: results in input order, a step that raises or a worker that dies costs its
own item only, and every other item comes back exactly once."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from recoupe.execute import make_executor
from recoupe.execute.local import InProcess, ProcessPool


def square(number: int) -> int:
    return number * number


def square_or_fail(number: int) -> int:
    if number == 3:
        raise ValueError("three is refused")
    return number * number


def square_or_die(number: int) -> int:
    if number == 5:
        os.kill(os.getpid(), signal.SIGKILL)
    return number * number


def square_once_or_die(item: tuple[int, str]) -> int:
    """Dies the first time it meets 4: a worker lost to something outside the item."""
    number, marker = item
    if number == 4 and not Path(marker).exists():
        Path(marker).touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return number * number


def lost(item: object, why: str) -> str:
    return f"lost {item}: {why}"


def test_one_worker_runs_in_this_process() -> None:
    executor = make_executor("local", 1)
    assert isinstance(executor, InProcess)
    assert list(executor.map(square_or_fail, range(5), lost)) == [
        0, 1, 4, "lost 3: step failed: ValueError('three is refused')", 16,
    ]  # fmt: skip


def test_a_pool_keeps_the_input_order() -> None:
    pool = ProcessPool(2)
    try:
        assert list(pool.map(square, range(40), lost)) == [n * n for n in range(40)]
        results = list(pool.map(square_or_fail, range(6), lost))
        assert results[:3] == [0, 1, 4] and results[4:] == [16, 25]
        assert str(results[3]).startswith("lost 3: step failed: ValueError")
    finally:
        pool.close()


def test_an_item_that_kills_its_worker_is_lost_alone() -> None:
    pool = ProcessPool(2)
    try:
        results = list(pool.map(square_or_die, range(12), lost))
    finally:
        pool.close()
    assert results[5] == "lost 5: its worker process died each of the 2 times it ran alone"
    assert results[:5] + results[6:] == [n * n for n in range(12) if n != 5]


def test_a_worker_that_dies_once_costs_nothing(tmp_path: Path) -> None:
    marker = str(tmp_path / "died")
    pool = ProcessPool(2)
    try:
        results = list(pool.map(square_once_or_die, [(n, marker) for n in range(12)], lost))
    finally:
        pool.close()
    assert Path(marker).exists()
    assert results == [n * n for n in range(12)]


def test_a_single_item_does_not_start_workers() -> None:
    pool = ProcessPool(2)
    assert list(pool.map(square, [7], lost)) == [49]
    assert pool.pool is None
