"""Batch runs over files: the inputs cut into shards of a few hundred documents, each shard
analysed on its own (on any worker of any executor) and written as one part of the output,
then marked done. A rerun of the same command skips the shards marked done, so a run that
was stopped, or lost a worker, is finished by running it again.

Layout of the output folder:
    plan.json                 the settings and the shards, written first
    records/ or <table>/      the parts (see `recoupe.export`)
    done/part-NNNNN.json      one per finished shard: what it wrote and what failed
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path

from recoupe.analyze import Failure, Options, Skipped, analyze_stream
from recoupe.execute import Executor
from recoupe.export import PartFormat, write_atomically, write_part
from recoupe.read import HostSelection, ReadError, ReadItem, input_files, read_inputs
from recoupe.record import ArticleRecord

# A few minutes of work for one core: a lost shard costs little to redo.
DEFAULT_SHARD_SIZE = 500
PLAN = "plan.json"
DONE = "done"


class PlanMismatch(Exception):
    """The output folder holds a run made with other settings, or on other inputs."""


class ShardUnreadable(Exception):
    """A shard's documents cannot all be read where it runs."""


@dataclass(frozen=True)
class Shard:
    index: int
    path: str
    start: int  # the documents [start, stop) of the file, in reading order
    stop: int


@dataclass(frozen=True)
class ShardJob:
    """Everything a shard needs besides itself: plain data, so it travels to any worker."""

    out: Path
    part_format: PartFormat
    options: Options
    hosts: HostSelection


@dataclass(frozen=True)
class ShardDone:
    index: int
    documents: int
    records: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    earlier: bool = False  # finished by an earlier run of the same command


def documents(path: str, hosts: HostSelection) -> Iterator[ReadItem]:
    """The documents of one input file that the run selects, in reading order."""
    return hosts.select(read_inputs([path]))


def plan_shards(inputs: Sequence[str], size: int, hosts: HostSelection) -> list[Shard]:
    """Cut every input file into shards of `size` documents (reading each file once to
    count them); an input that cannot be read is a shard of its own, whose one document is
    the error, so that every run reports it."""
    shards: list[Shard] = []
    for spec in inputs:
        for found in input_files(spec):
            path = found.name if isinstance(found, ReadError) else str(found)
            total = sum(1 for _ in documents(path, hosts))
            for start in range(0, total, size):
                shards.append(Shard(len(shards), path, start, min(start + size, total)))
    return shards


def fingerprints(inputs: Sequence[str]) -> list[list[object]]:
    """Each input file with its size and modification time: what a rerun must find again."""
    found = []
    for spec in inputs:
        for path in input_files(spec):
            if isinstance(path, Path):
                stat = path.stat()
                found.append([str(path), stat.st_size, stat.st_mtime_ns])
            else:
                found.append([path.name, None, None])
    return found


def run_shard(shard: Shard, job: ShardJob) -> ShardDone:
    """Analyse one shard, write its part, then mark it done: a part without its mark is
    written again by the next run."""
    items = list(islice(documents(shard.path, job.hosts), shard.start, shard.stop))
    if len(items) < shard.stop - shard.start:
        # The file is shorter than when the run was planned, or unreachable from this
        # worker: no part, no mark, so that the shard is reported and run again later.
        raise ShardUnreadable(f"{len(items)} of {shard.stop - shard.start} documents found")
    records: list[ArticleRecord] = []
    failures: list[Failure] = []
    skipped = 0
    for result in analyze_stream(items, job.options):
        if isinstance(result, ArticleRecord):
            records.append(result)
        elif isinstance(result, Skipped):
            skipped += 1
        else:
            failures.append(result)
    write_part(records, job.out, shard.index, job.part_format)
    done = ShardDone(shard.index, shard.stop - shard.start, len(records), skipped, failures)
    write_atomically(done_path(job.out, shard.index), iter([json.dumps(asdict(done)) + "\n"]))
    return done


def lost_shard(shard: Shard, why: str) -> ShardDone:
    """A shard that could not be run: reported as failed, not marked, so a rerun tries it."""
    where = f"{shard.path} (documents {shard.start}-{shard.stop - 1})"
    return ShardDone(shard.index, shard.stop - shard.start, failures=[Failure(where, why)])


def done_path(out: Path, index: int) -> Path:
    return out / DONE / f"part-{index:05d}.json"


def finished(out: Path, index: int) -> ShardDone | None:
    path = done_path(out, index)
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    failures = [Failure(**failure) for failure in data.pop("failures")]
    return ShardDone(**{**data, "earlier": True}, failures=failures)


def run_sharded(
    inputs: Sequence[str], job: ShardJob, executor: Executor, size: int
) -> Iterator[ShardDone]:
    """Every shard of the inputs, in order: those an earlier run finished, then the others
    as the executor finishes them."""
    shards = load_or_plan(inputs, job, size)
    pending: list[Shard] = []
    for shard in shards:
        earlier = finished(job.out, shard.index)
        if earlier is None:
            pending.append(shard)
        else:
            yield earlier
    yield from executor.map(partial(run_shard, job=job), pending, lost=lost_shard)


def load_or_plan(inputs: Sequence[str], job: ShardJob, size: int) -> list[Shard]:
    """The plan saved in the output folder, or a new one saved there; a folder that holds
    another run's plan is refused rather than mixed with this one."""
    settings = {
        "inputs": list(inputs),
        "shard_size": size,
        "format": job.part_format.value,
        "published": job.options.published,
        "language": job.options.language,
        "only_languages": sorted(job.options.only_languages or []) or None,
        "hosts": sorted(job.hosts.keep) if job.hosts.keep is not None else None,
        "exclude_hosts": sorted(job.hosts.exclude),
    }
    files = fingerprints(inputs)
    path = job.out / PLAN
    if path.exists():
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved["settings"] != settings:
            raise PlanMismatch(
                f"{job.out} holds a run made with other settings; "
                "give another --out, or remove that folder"
            )
        if saved["files"] != files:
            raise PlanMismatch(
                f"the inputs changed since {job.out} was planned (files added, removed or "
                "modified); give another --out for them"
            )
        return [Shard(**shard) for shard in saved["shards"]]
    if job.out.exists() and any(job.out.iterdir()):
        raise PlanMismatch(f"{job.out} is not empty and holds no recoupe run")
    shards = plan_shards(inputs, size, job.hosts)
    plan = {"settings": settings, "files": files, "shards": [asdict(shard) for shard in shards]}
    write_atomically(path, iter([json.dumps(plan, indent=1) + "\n"]))
    return shards
