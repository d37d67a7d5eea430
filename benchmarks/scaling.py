"""Articles per second on one worker, two local workers and two Ray workers, in one run on
the same articles.

    python benchmarks/scaling.py [--corpus PATH] [--limit 1000] [--rounds 1]

Each configuration runs in a fresh process of its own, from a cold start (model loading
and worker start-up are counted, as a user meets them), through the same path as
`recoupe analyze --workers N` / `--executor ray`: read the JSONL, analyse, serialise every
record. Prints articles/s, the speed-up over one worker (targets on a 2-core machine: two
local workers >= 1.7x, two Ray workers >= 1.5x), the cores that other processes on the
machine kept busy meanwhile and that the host of a virtual machine took for others (steal;
a speed-up measured beside either is uncertain) and the peak resident memory of each worker
process. With several rounds, the configurations take turns, so that a noisy machine
penalises each alike; each round's speed-ups are printed as it ends, and the table keeps the
best round of each configuration.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

from recoupe.analyze import Options, analyze_stream
from recoupe.execute import ExecutorKind, make_executor
from recoupe.read import read_inputs
from recoupe.record import ArticleRecord

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "fr-news.jsonl.gz"
CONFIGURATIONS: dict[str, tuple[ExecutorKind, int]] = {
    "1 worker": ("local", 1),
    "2 workers": ("local", 2),
    "Ray, 2 workers": ("ray", 2),
}
TARGETS = {"2 workers": 1.7, "Ray, 2 workers": 1.5}
# Cores that other processes may use during a configuration before its figures are suspect.
NOISE_CORES = 0.1


def write_sample(corpus: Path, limit: int, folder: Path) -> Path:
    sample = folder / "sample.jsonl"
    with gzip.open(corpus, "rt", encoding="utf-8") as source, sample.open("w") as target:
        for number, line in enumerate(source):
            if number == limit:
                break
            target.write(line)
    return sample


class Descendants:
    """Samples the processes below this one: the resident memory of the workers (Ray's task
    workers, or the workers a fork server starts), and the CPU time of every one of them."""

    def __init__(self) -> None:
        self.peaks: dict[int, int] = {}
        self.cpu: dict[int, float] = {}
        self.running = True
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def sample(self) -> None:
        me = psutil.Process()
        while self.running:
            for process in me.children(recursive=True):
                try:
                    times = process.cpu_times()
                    self.cpu[process.pid] = times.user + times.system
                    if is_worker(process, me.pid):
                        rss = process.memory_info().rss
                        self.peaks[process.pid] = max(self.peaks.get(process.pid, 0), rss)
                except psutil.Error:
                    continue
            time.sleep(0.2)

    def stop(self) -> list[int]:
        self.running = False
        self.thread.join()
        return sorted(self.peaks.values(), reverse=True)


def is_worker(process: psutil.Process, root: int) -> bool:
    title = " ".join(process.cmdline())
    if title.startswith(("ray::run_step", "ray::IDLE")):
        return True
    return "forkserver" in title and process.ppid() != root


def run_one(kind: ExecutorKind, workers: int, sample: Path) -> dict[str, object]:
    descendants = Descendants()
    started = time.perf_counter()
    executor = make_executor(kind, workers)
    done = failed = 0
    try:
        for result in analyze_stream(read_inputs([str(sample)]), Options(), executor):
            if isinstance(result, ArticleRecord):
                result.model_dump_json()
                done += 1
            else:
                failed += 1
    finally:
        executor.close()
    elapsed = time.perf_counter() - started
    peaks = descendants.stop()
    if kind == "local" and workers == 1:
        peaks = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024]
    own = psutil.Process().cpu_times()
    cpu = float(own.user + own.system) + sum(descendants.cpu.values())
    return {
        "articles": done,
        "failed": failed,
        "seconds": elapsed,
        "worker_peaks": peaks,
        "cpu_seconds": cpu,
    }


def machine_seconds() -> tuple[float, float]:
    """CPU time the whole machine has spent busy, every process together, and the time the
    hypervisor gave its cores to other machines (steal)."""
    times = psutil.cpu_times()
    guests = getattr(times, "guest", 0.0) + getattr(times, "guest_nice", 0.0)
    steal = getattr(times, "steal", 0.0)
    idle = times.idle + getattr(times, "iowait", 0.0)
    return float(sum(times) - guests - idle - steal), float(steal)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--one", choices=list(CONFIGURATIONS), help=argparse.SUPPRESS)
    parser.add_argument("--sample", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(*CONFIGURATIONS[args.one], args.sample)))
        return

    with tempfile.TemporaryDirectory() as folder:
        sample = write_sample(args.corpus, args.limit, Path(folder))
        results: dict[str, dict[str, Any]] = {}
        rounds: dict[int, dict[str, float]] = {}
        for round_number in range(1, args.rounds + 1):
            for name in CONFIGURATIONS:
                command = [sys.executable, __file__, "--one", name, "--sample", str(sample)]
                (busy, steal), started = machine_seconds(), time.perf_counter()
                done = subprocess.run(command, capture_output=True, text=True, check=True)
                result = json.loads(done.stdout.strip().splitlines()[-1])
                (busy_after, steal_after), elapsed = (
                    machine_seconds(),
                    time.perf_counter() - started,
                )
                # Cores that processes outside the run kept busy meanwhile (the run's own
                # are sampled, so a few tenths of a second of theirs may count here).
                others = busy_after - busy - result["cpu_seconds"]
                result["others"] = max(others, 0.0) / elapsed
                result["steal"] = (steal_after - steal) / elapsed
                rate = result["articles"] / result["seconds"]
                rounds.setdefault(round_number, {})[name] = rate
                print(
                    f"round {round_number}: {name:16s} {rate:6.2f} articles/s"
                    f" {rate / rounds[round_number]['1 worker']:5.2f}x"
                    f"  (other processes: {result['others']:.2f} cores,"
                    f" stolen by the host: {result['steal']:.2f})",
                    flush=True,
                )
                best = results.get(name)
                if best is None or result["seconds"] < best["seconds"]:
                    results[name] = result

    base = results["1 worker"]["articles"] / results["1 worker"]["seconds"]
    print(f"\n{args.limit} articles of {args.corpus.name}, {psutil.cpu_count()} cores")
    header = f"{'configuration':16s} {'articles/s':>10s} {'speed-up':>9s} {'target':>7s}"
    print(f"{header} {'others':>6s} {'steal':>6s}  peak MB per worker")
    for name, result in results.items():
        rate = result["articles"] / result["seconds"]
        target = f">= {TARGETS[name]}" if name in TARGETS else ""
        peaks = ", ".join(f"{peak / 2**20:.0f}" for peak in result["worker_peaks"])
        line = f"{name:16s} {rate:10.2f} {rate / base:8.2f}x {target:>7s}"
        line += f" {result['others']:6.2f} {result['steal']:6.2f}"
        print(f"{line}  {peaks}")
        if result["failed"]:
            print(f"  {result['failed']} articles failed")
    noise = max(result["others"] + result["steal"] for result in results.values())
    if noise > NOISE_CORES:
        print(
            "\nOther processes or the host took part of the machine (others, steal: cores"
            "\nthey took, on average): speed-ups are uncertain; run again on a quiet machine."
        )


if __name__ == "__main__":
    main()
