"""Executors: results in input order, a step that raises or a worker that dies costs its
own item only, and every other item comes back exactly once; a document that breaks its
batch in the real pipeline fails alone."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from recoupe.analyze import Failure, Options, analyze_stream
from recoupe.execute import make_executor
from recoupe.execute.local import InProcess, ProcessPool
from recoupe.read import RawDoc
from recoupe.record import ArticleRecord


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


def test_a_document_that_breaks_its_batch_fails_alone() -> None:
    # Over a million characters: spaCy refuses the text, and with it the whole batch.
    huge = RawDoc(name="huge", content="Le maire de Lyon a parlé hier. " * 33_000, is_html=False)
    texts = [f"Le maire de Lyon, Jean Dupont, a parlé {n} fois." for n in range(3)]
    documents = [RawDoc(name=f"d{n}", content=text, is_html=False) for n, text in enumerate(texts)]
    documents.insert(1, huge)
    for executor in (None, ProcessPool(2)):
        try:
            results = list(analyze_stream(documents, Options(batch_size=2), executor))
        finally:
            if executor is not None:
                executor.close()
        assert [r.id if isinstance(r, ArticleRecord) else r.name for r in results][1] == "huge"
        failure = results[1]
        assert isinstance(failure, Failure) and "E088" in failure.message
        assert all(isinstance(r, ArticleRecord) for i, r in enumerate(results) if i != 1)
