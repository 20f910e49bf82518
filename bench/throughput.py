"""Grading throughput of the Celery path with 1 and 2 workers: submissions per minute.

Everything is real: a private redis-server and PostgreSQL, `cvjudge worker` processes grading
in Docker, a `cvjudge serve` web process taking the submissions through the API. The
submissions are a fixed mix of right, wrong and crashing solutions to a small challenge
(kind submit and run), so the figure measures the queue and the sandbox, not hypothesis.

    python bench/throughput.py [--submissions 60] [--workers 1 2]
"""
import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.scale.conftest import Stack  # noqa: E402
from tests.scale.test_burst import JOBS  # noqa: E402
from tests.servers import start_postgres  # noqa: E402

SETTINGS = {"CVJUDGE_LEASE_S": "60", "CVJUDGE_SWEEP_S": "5"}


def run(postgres, workers: int, submissions: int, folder: Path) -> float:
    """Submissions per minute, from the first POST to the last result stored."""
    stack = Stack(folder, postgres, SETTINGS)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=60)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    postgres = start_postgres()
    rates = {}
    try:
        with tempfile.TemporaryDirectory(prefix="cvjudge-bench-") as folder:
            for workers in args.workers:
                rates[workers] = run(postgres, workers, args.submissions,
                                     Path(folder) / f"workers-{workers}")
                print(f"{workers} worker(s): {rates[workers]:6.1f} submissions/minute "
                      f"({args.submissions} submissions)", flush=True)
    finally:
        postgres.stop()
    base = rates[min(rates)]
    for workers, rate in sorted(rates.items()):
        print(f"  {workers} worker(s) / {min(rates)}: x{rate / base:.2f}")
    print(f"machine: {os.cpu_count()} CPUs; each worker grades one submission at a time, each "
          "sandbox is capped at one CPU")


if __name__ == "__main__":
    main()
