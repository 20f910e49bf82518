"""How long a grading takes, and how much of it is container start.

Grades each challenge's reference solution a few times (same seed, so the same examples) and
prints the median wall time, the median container start, the number of calls and the
per-call overhead. Run: python bench/grading_time.py [--runs 5]
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from judge.catalogue import load_catalogue  # noqa: E402
from judge.engine import grade  # noqa: E402
from judge.image import image_tag  # noqa: E402
from judge.sandbox import Sandbox  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    starts = []
    for _ in range(args.runs):
        began = time.perf_counter()
        with Sandbox(image_tag()):
            starts.append(time.perf_counter() - began)
    print(f"empty container start+hello: median {statistics.median(starts):.3f} s "
          f"(min {min(starts):.3f}, max {max(starts):.3f})")
    print(f"{'challenge':10} {'median s':>9} {'start s':>8} {'start %':>8} {'calls':>6} "
          f"{'ms/call':>8} {'timed call s':>12} {'limit s':>8}")
    for challenge in load_catalogue().values():
        results = [grade(challenge, challenge.reference_source, seed=1) for _ in range(args.runs)]
        assert all(r.accepted for r in results), [r.message for r in results]
        duration = statistics.median(r.duration_s for r in results)
        start = statistics.median(r.container_start_s for r in results)
        calls = results[0].calls
        per_call = (duration - start) / calls * 1000 if calls else 0.0
        timed = statistics.median(r.slowest_timed_call_s or 0.0 for r in results)
        print(f"{challenge.id:10} {duration:9.2f} {start:8.2f} {100 * start / duration:7.0f}% "
              f"{calls:6d} {per_call:8.2f} {timed:12.3f} {results[0].time_limit_s:8.3f}")


if __name__ == "__main__":
    main()
