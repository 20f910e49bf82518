"""Grading throughput of the Celery path with 1 and 2 workers: submissions per minute.

Everything is real: a private redis-server and PostgreSQL, `cvjudge worker` processes grading
in Docker, a `cvjudge serve` web process taking the submissions through the API. The
submissions are a fixed mix of right, wrong and crashing solutions to a small challenge
(kind submit and run), so the figure measures the queue and the sandbox, not hypothesis.

    python bench/throughput.py [--submissions 60] [--workers 1 2] [--ref GIT_REF]

With --ref, the same runs are made with the code of that commit too (a temporary git worktree;
its own sandbox image is built), side by side, and the ratio of the two is printed.

It also measures the floor a grading cannot go below while every grading gets a fresh
container: bare hardened `docker run`s of the sandbox image (`python3 -c 'import numpy'`), as
many streams in parallel as workers, in containers per minute.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.latency import bare_docker_run  # noqa: E402
from tests.scale.conftest import Stack  # noqa: E402
from tests.scale.test_burst import JOBS  # noqa: E402
from tests.servers import start_postgres  # noqa: E402

# one grading process per worker, as before lanes (no second, interactive-only worker)
SETTINGS = {"CVJUDGE_LEASE_S": "60", "CVJUDGE_SWEEP_S": "5", "CVJUDGE_INTERACTIVE_WORKERS": "0"}


def run(postgres, workers: int, submissions: int, folder: Path, repo: Path = ROOT) -> float:
    """Submissions per minute, from the first POST to the last result stored."""
    stack = Stack(folder, postgres, SETTINGS, repo=repo)
    try:
        for _ in range(workers):
            stack.start_worker()
        stack.start_web()
        stack.submit_all([JOBS[0][0]] * 4)  # warm up: first containers, imports, connections
        stack.wait_done(list(stack.rows()), limit_s=120)
        jobs = [JOBS[n % len(JOBS)] for n in range(submissions)]
        started = time.monotonic()
        ids = stack.submit_all([job for job, _ in jobs])
        rows = stack.wait_done(ids, limit_s=1800)
        elapsed = time.monotonic() - started
        wrong = [i for i, (_, verdict) in zip(ids, jobs) if rows[i].verdict != verdict]
        assert not wrong, f"wrong verdicts for {wrong[:5]}"
        return submissions / elapsed * 60
    finally:
        stack.close()


def container_floor(streams: int, count: int) -> float:
    """Bare hardened container runs per minute, `streams` at a time."""
    started = time.monotonic()
    with ThreadPoolExecutor(streams) as runner:
        list(runner.map(lambda _: bare_docker_run(), range(count)))
    return count / (time.monotonic() - started) * 60


def checkout(ref: str, folder: Path) -> Path:
    """A worktree of `ref` (removed with the temporary folder)."""
    target = folder / "ref"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(target), ref],
                   check=True, capture_output=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=60)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--ref", help="also measure this commit's code, side by side")
    args = parser.parse_args()
    postgres = start_postgres()
    rates = {}
    try:
        with tempfile.TemporaryDirectory(prefix="cvjudge-bench-") as folder:
            trees = {"this tree": ROOT}
            if args.ref:
                trees[args.ref] = checkout(args.ref, Path(folder))
            try:
                for workers in args.workers:
                    for label, repo in trees.items():
                        rate = run(postgres, workers, args.submissions,
                                   Path(folder) / f"{label.replace(' ', '-')}-{workers}", repo)
                        rates[label, workers] = rate
                        print(f"{label:>12}, {workers} worker(s): {rate:6.1f} submissions/minute "
                              f"({args.submissions} submissions)", flush=True)
            finally:
                if args.ref:
                    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                                    str(trees[args.ref])], capture_output=True)
        floors = {workers: container_floor(workers, args.submissions) for workers in args.workers}
    finally:
        postgres.stop()
    for workers, floor in floors.items():
        print(f"  bare container runs, {workers} at a time: {floor:6.1f} per minute; this tree "
              f"grades at x{rates['this tree', workers] / floor:.2f} of that")
    for label in dict.fromkeys(label for label, _ in rates):
        base = rates[label, min(args.workers)]
        for workers in args.workers:
            print(f"  {label}: {workers} worker(s) / {min(args.workers)}: "
                  f"x{rates[label, workers] / base:.2f}")
    if args.ref:
        for workers in args.workers:
            print(f"  {workers} worker(s): this tree / {args.ref}: "
                  f"x{rates['this tree', workers] / rates[args.ref, workers]:.2f}")
    print(f"machine: {os.cpu_count()} CPUs; each worker grades one submission at a time, each "
          "sandbox is capped at one CPU")


if __name__ == "__main__":
    main()
