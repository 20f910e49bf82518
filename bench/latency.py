"""Submit -> verdict latency through the API, against a bare hardened `docker run`, side by side.

Starts the app as `make run` does (SQLite, in-process graders, warm sandboxes, the planner),
then submits as a user would: one warm-up, then for each challenge its reference and one
wrong solution, each `--runs` times, a few seconds apart, polling the submission every 20 ms.
In the same run it times a bare `docker run` of the sandbox image with the same hardening
(`python3 -c 'import numpy'`), and prints each median with its ratio to that.

    python bench/latency.py [--challenges iou nms ...] [--runs 3] [--pause 3]

Targets (ratio of the accepted median to the bare docker run): iou 1.0, nms 1.5, conv2d 2.0,
map 3.0, any other challenge 3.0; a wrong solution (shrinking included) within 2x of the
accepted time of its challenge.
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from judge.catalogue import load_catalogue  # noqa: E402
from judge.image import image_tag  # noqa: E402

TARGETS = {"iou": 1.0, "nms": 1.5, "conv2d": 2.0, "map": 3.0}
DEFAULT_TARGET = 3.0
BARE_RUN = ["docker", "run", "--rm", "--network", "none", "--read-only", "--cap-drop", "ALL",
            "--security-opt", "no-new-privileges", "--pids-limit", "64", "--memory", "256m",
            "--memory-swap", "256m", "--cpus", "1", "--init", "--tmpfs", "/tmp:size=16m"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bare_docker_run() -> float:
    started = time.perf_counter()
    subprocess.run(BARE_RUN + [image_tag(), "python3", "-c", "import numpy"], check=True,
                   capture_output=True)
    return time.perf_counter() - started


class App:
    """`cvjudge serve` in a private data folder, with a user and an API token."""

    def __init__(self, folder: Path, plans: int):
        self.port = free_port()
        self.env = {**os.environ, "CVJUDGE_DATA_DIR": str(folder), "CVJUDGE_PLANS": str(plans),
                    "CVJUDGE_SUBMIT_RATE_LIMIT": "1000 per minute",
                    "CVJUDGE_MAX_PENDING": "100", "CVJUDGE_MAX_PENDING_PER_ADDRESS": "1000"}
        cli = [sys.executable, "-m", "web.cli"]
        subprocess.run(cli + ["init-db"], env=self.env, check=True, capture_output=True)
        subprocess.run(cli + ["create-user", "bench"], env=self.env, check=True,
                       capture_output=True, input="bench-password-123\n", text=True)
        self.token = subprocess.run(cli + ["create-token", "bench"], env=self.env, check=True,
                                    capture_output=True, text=True).stdout.split()[-1]
        self.process = subprocess.Popen(cli + ["serve", "--port", str(self.port)], env=self.env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.wait_up()

    def call(self, method: str, path: str, body=None) -> dict:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def wait_up(self) -> None:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1)
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the app did not start")

    def submit_and_wait(self, challenge: str, code: str) -> tuple[float, dict]:
        started = time.perf_counter()
        submission = self.call("POST", "/api/v1/submissions", {"challenge": challenge,
                                                               "code": code})
        while True:
            current = self.call("GET", f"/api/v1/submissions/{submission['id']}")
            if current["status"] == "done":
                return time.perf_counter() - started, current
            time.sleep(0.02)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(30)


def wrong_solution(challenge):
    """The first wrong solution expecting wrong_answer (a counterexample to shrink)."""
    return next(s for s in challenge.solutions if s.expected == "wrong_answer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    catalogue = load_catalogue()
    parser.add_argument("--challenges", nargs="+", default=list(catalogue))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pause", type=float, default=3.0, help="seconds between submissions")
    parser.add_argument("--plans", type=int, default=3, help="plans kept ready per challenge")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cvjudge-latency-") as folder:
        app = App(Path(folder), args.plans)
        try:
            time.sleep(2 * args.pause)  # the pool and the planner fill up, as after `make run`
            app.submit_and_wait("iou", catalogue["iou"].reference_source)  # warm-up
            bare, rows = [], []
            for cid in args.challenges:
                challenge = catalogue[cid]
                times = {"accepted": [], "wrong": []}
                prepared = 0
                for _ in range(args.runs):
                    bare.append(bare_docker_run())
                    for kind, code in (("accepted", challenge.reference_source),
                                       ("wrong", wrong_solution(challenge).path.read_text())):
                        time.sleep(args.pause)
                        spent, result = app.submit_and_wait(cid, code)
                        verdict = result["result"]["verdict"]
                        assert (verdict == "accepted") == (kind == "accepted"), (cid, verdict)
                        prepared += result["result"].get("extra", {}).get("plan") == "prepared"
                        times[kind].append(spent)
                rows.append((cid, statistics.median(times["accepted"]),
                             statistics.median(times["wrong"]), prepared, 2 * args.runs))
        finally:
            app.close()
    docker = statistics.median(bare)
    print(f"bare hardened docker run (python3 -c 'import numpy'): median {docker:.3f} s "
          f"over {len(bare)} runs")
    print(f"{'challenge':22} {'accepted':>9} {'ratio':>6} {'target':>6} {'wrong':>8} "
          f"{'wrong/acc':>9}  plans prepared")
    failed = 0
    for cid, accepted, wrong, prepared, total in rows:
        target = TARGETS.get(cid, DEFAULT_TARGET)
        ratio, wrong_ratio = accepted / docker, wrong / accepted
        ok = ratio <= target and wrong_ratio <= 2.0
        failed += not ok
        print(f"{cid:22} {accepted:8.3f}s {ratio:5.2f}x {target:5.1f}x {wrong:7.3f}s "
              f"{wrong_ratio:8.2f}x  {prepared}/{total}  {'ok' if ok else 'MISSED'}")
    print(f"{len(rows) - failed} of {len(rows)} challenges within target; "
          f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
