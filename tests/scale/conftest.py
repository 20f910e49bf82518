"""Scale tests: the whole distributed path with real servers, nothing stood in.

A `Stack` is one deployment in miniature: a private redis-server, a fresh PostgreSQL
database, `cvjudge worker` processes (each in its own process group, grading in the real
Docker engine) and a `cvjudge serve` web process that publishes to Celery. Leases, sweeps and
visibility timeouts are shortened through the environment so recoveries take seconds.
Under CI, a missing Redis, PostgreSQL or Docker fails these tests rather than skipping them.
"""
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session, load_only

from tests.browser.test_restart import add_user_with_token
from tests.servers import free_port, run_sql, start_postgres, start_redis, wait_for
from web.grading.dispatch import BrokerQueue
from web.migrate import upgrade
from web.models import Submission

REPO = Path(__file__).resolve().parents[2]
CHALLENGES = Path(__file__).resolve().parent / "challenges"
CORRECT = "def add(a, b):\n    return a + b\n"
WRONG = "def add(a, b):\n    return a - b\n"
RAISES = "def add(a, b):\n    raise ValueError(\"no\")\n"
SLOW_CORRECT = "import time\ntime.sleep(3)\n\n" + CORRECT  # long enough to be killed mid-grading
QUICK = {"CVJUDGE_LEASE_S": "4", "CVJUDGE_SWEEP_S": "1", "CVJUDGE_BROKER_VISIBILITY_S": "30",
         "CVJUDGE_REPUBLISH_S": "600", "CVJUDGE_MAX_ATTEMPTS": "3"}


@pytest.fixture(scope="session")
def postgres():
    server = start_postgres()
    yield server
    server.stop()


class Process:
    """A child in its own process group, its output in a log file."""

    def __init__(self, name: str, argv: list[str], env: dict, log_path: Path, cwd: Path = REPO):
        self.name, self.log_path = name, log_path
        self.log = open(log_path, "ab")
        self.popen = subprocess.Popen(argv, cwd=cwd, env=env, stdout=self.log,
                                      stderr=subprocess.STDOUT, start_new_session=True)

    def alive(self) -> bool:
        return self.popen.poll() is None

    def kill(self) -> None:
        """SIGKILL the whole group: the worker, its grading processes, nothing gets to clean up."""
        if self.alive():
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(10)

    def stop(self, timeout: float = 15.0) -> None:
        if self.alive():
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")


class Stack:
    names = itertools.count()

    def __init__(self, tmp_path: Path, postgres, settings: dict, persistent_redis: bool = False,
                 repo: Path = REPO):
        """`repo`: the code the processes run (another checkout, for benchmarks)."""
        self.folder, self.repo = tmp_path, Path(repo)
        tmp_path.mkdir(parents=True, exist_ok=True)
        self.redis = start_redis(persistent_redis)
        self.broker = BrokerQueue({"BROKER_URL": self.redis.url, "REPUBLISH_S": 600,
                                   "BROKER_VISIBILITY_S": 30})
        self.db_name = f"scale_{os.getpid()}_{next(self.names)}"
        run_sql(postgres.url(), f"CREATE DATABASE {self.db_name}")
        self.postgres, self.database_url = postgres, postgres.url(self.db_name)
        if self.repo == REPO:
            upgrade(self.database_url)
        else:  # that checkout's own migrations
            subprocess.run([sys.executable, "-m", "web.cli", "init-db"], cwd=self.repo, check=True,
                           env={**os.environ, "DATABASE_URL": self.database_url},
                           capture_output=True)
        self.engine = create_engine(self.database_url)
        challenges = tmp_path / "challenges"
        shutil.copytree(self.repo / CHALLENGES.relative_to(REPO), challenges)
        (tmp_path / "questions").mkdir()  # the bundled bank links challenges these tests lack
        self.env = {**os.environ, "DATABASE_URL": self.database_url,
                    "CVJUDGE_BROKER_URL": self.redis.url, "CVJUDGE_CHALLENGES": str(challenges),
                    "CVJUDGE_QUESTIONS": str(tmp_path / "questions"),
                    "CVJUDGE_DATA_DIR": str(tmp_path), "CVJUDGE_SECRET_KEY": "scale-tests",
                    "CVJUDGE_SUBMIT_RATE_LIMIT": "100000 per minute", "CVJUDGE_MAX_PENDING": "100000",
                    "CVJUDGE_MAX_PENDING_PER_ADDRESS": "100000",
                    "CVJUDGE_WORKER_DB_POOL_SIZE": "2", "PYTHONUNBUFFERED": "1", **settings}
        self.workers: list[Process] = []
        self.web: Process | None = None
        self.base = None

    # --- processes -------------------------------------------------------------------------
    def start_worker(self, concurrency: int = 1) -> Process:
        name = f"w{len(self.workers)}@scale"
        worker = Process(name, [sys.executable, "-m", "web.cli", "worker", "--concurrency",
                                str(concurrency), "--name", name], self.env,
                         self.folder / f"worker-{len(self.workers)}.log", self.repo)
        self.workers.append(worker)
        wait_for(lambda: name in self.seen_workers(), f"worker {name}", worker.popen, limit_s=90)
        return worker

    def seen_workers(self) -> list[str]:
        return self.broker.workers(timeout_s=0.5)

    def start_web(self) -> str:
        port = free_port()
        self.web = Process("web", [sys.executable, "-m", "web.cli", "serve", "--port", str(port)],
                           self.env, self.folder / "web.log", self.repo)
        self.base = f"http://127.0.0.1:{port}"
        wait_for(lambda: self.healthz()[0] == 200, "the web server", self.web.popen, limit_s=60)
        self.token = add_user_with_token(self.database_url)
        return self.base

    def healthz(self) -> tuple[int, dict]:
        try:
            with urlopen(self.base + "/healthz", timeout=5) as response:
                return response.status, json.load(response)
        except HTTPError as error:
            return error.code, json.load(error)
        except OSError:
            return 0, {}

    # --- the API, as a script would use it ---------------------------------------------------
    def submit(self, code: str, kind: str = "submit", challenge: str = "add") -> tuple[int, dict]:
        body = json.dumps({"challenge": challenge, "code": code, "kind": kind}).encode()
        request = Request(self.base + "/api/v1/submissions", data=body,
                          headers={"Authorization": f"Bearer {self.token}",
                                   "Content-Type": "application/json"})
        try:
            with urlopen(request, timeout=30) as response:
                return response.status, json.load(response)
        except HTTPError as error:
            return error.code, json.load(error)

    def submit_all(self, jobs: list[tuple[str, str]], threads: int = 50) -> list[int]:
        """Post every (code, kind) at once; each must be accepted with 202."""
        with ThreadPoolExecutor(threads) as pool:
            replies = list(pool.map(lambda job: self.submit(*job), jobs))
        assert all(status == 202 for status, _ in replies), \
            Counter(status for status, _ in replies)
        return [body["id"] for _, body in replies]

    # --- the database, the source of truth ---------------------------------------------------
    def rows(self, ids=None) -> dict[int, Submission]:
        with Session(self.engine) as session:
            # only columns every schema version has: bench/throughput.py reads an older
            # commit's database with these models too
            query = select(Submission).options(load_only(
                Submission.id, Submission.status, Submission.verdict, Submission.score,
                Submission.attempts, Submission.result_json))
            if ids is not None:
                query = query.where(Submission.id.in_(list(ids)))
            return {row.id: row for row in session.scalars(query)}

    def wait_done(self, ids, limit_s: float) -> dict[int, Submission]:
        deadline = time.monotonic() + limit_s
        while True:
            rows = self.rows(ids)
            pending = [i for i, row in rows.items() if row.status != "done"]
            if not pending and len(rows) == len(ids):
                return rows
            if time.monotonic() > deadline:
                raise AssertionError(f"{len(pending)} not done after {limit_s:.0f} s: "
                                     f"{pending[:10]}\n" + self.log_tail())
            time.sleep(0.25)

    def wait_status(self, submission_id: int, status: str, limit_s: float) -> Submission:
        deadline = time.monotonic() + limit_s
        while (row := self.rows([submission_id])[submission_id]).status != status:
            assert time.monotonic() < deadline, f"#{submission_id} still {row.status}"
            time.sleep(0.05)
        return row

    # --- the structured logs -----------------------------------------------------------------
    def events(self, name: str) -> Counter:
        """How many times each submission logged `event=<name>`, over every worker."""
        pattern = re.compile(rf"\bevent={name} submission=(\d+)\b")
        return Counter(int(match) for worker in self.workers
                       for match in pattern.findall(worker.output()))

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(f"--- {p.name}\n" + "\n".join(p.output().splitlines()[-lines:])
                         for p in [*self.workers, *([self.web] if self.web else [])])

    def close(self) -> None:
        for process in [*self.workers, *([self.web] if self.web else [])]:
            process.stop()
        self.engine.dispose()
        self.redis.close()
        run_sql(self.postgres.url(), f"DROP DATABASE IF EXISTS {self.db_name} WITH (FORCE)")


@pytest.fixture
def stack_factory(tmp_path, postgres, docker_client):
    """Build a Stack with the given settings; everything is stopped after the test."""
    stacks = []

    def make(settings: dict = QUICK, persistent_redis: bool = False) -> Stack:
        stack = Stack(tmp_path / f"stack{len(stacks)}", postgres, settings, persistent_redis)
        stacks.append(stack)
        return stack
    yield make
    for stack in stacks:
        stack.close()


def assert_stored_once(stack: Stack, ids) -> None:
    """Exactly one `stored` event per submission across all workers, and none refused twice."""
    stored = stack.events("stored")
    assert {i: stored[i] for i in ids} == {i: 1 for i in ids}
