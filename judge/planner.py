"""Prepare test plans while the grader is idle, in a low-priority child process.

Drawing a plan is CPU-heavy Python (hypothesis strategies, reference answers); in a child
process at a lower scheduling priority it neither holds the grading threads' GIL nor takes a
core from a running grading. The parent keeps up to `per_challenge` ready plans for each
challenge, hands each out once and asks for a replacement; a grading that finds none ready
draws its plan itself, so the planner only ever makes gradings faster.
"""
import logging
import multiprocessing
import os
import secrets
import threading
import time
from collections import defaultdict, deque
from pathlib import Path

log = logging.getLogger(__name__)
RESTART_PAUSE_S = 5.0
NICENESS = 10


def _child(conn, folders: list) -> None:
    """The planner process: load the challenges, then draw a plan per request."""
    from judge.catalogue import load_challenge
    from judge.plans import make_plan

    try:
        os.nice(NICENESS)
    except OSError:
        pass
    challenges = {}
    for folder in folders:
        challenge = load_challenge(Path(folder))
        challenges[challenge.id] = challenge
    while True:
        try:
            challenge_id = conn.recv()
        except EOFError:
            return
        if challenge_id is None:
            return
        try:
            plan = make_plan(challenges[challenge_id], secrets.randbits(32))
            conn.send(("plan", plan))
        except BaseException as exc:  # a broken reference: the live path reports it
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class Planner:
    def __init__(self, challenges: dict, per_challenge: int = 1):
        self.challenges = {cid: c for cid, c in challenges.items() if c.path is not None}
        self.per_challenge = per_challenge
        self.ready = defaultdict(deque)
        self.wanted = deque(sorted(self.challenges))  # challenge ids to prepare, in order
        self.lock = threading.Condition()
        self.stopping = False
        self.process = self.conn = self.thread = None
        self.prepared = 0

    def start(self) -> "Planner":
        if self.per_challenge > 0 and self.challenges and self.thread is None:
            for _ in range(self.per_challenge - 1):
                self.wanted.extend(sorted(self.challenges))
            self.thread = threading.Thread(target=self._loop, name="planner", daemon=True)
            self.thread.start()
        return self

    def take(self, challenge_id: str):
        """A prepared plan for this challenge, used once; None when none is ready."""
        with self.lock:
            plans = self.ready.get(challenge_id)
            if not plans:
                return None
            plan = plans.popleft()
            self.wanted.appendleft(challenge_id)  # replace it first
            self.lock.notify_all()
            return plan

    def ready_count(self, challenge_id: str | None = None) -> int:
        with self.lock:
            if challenge_id is not None:
                return len(self.ready.get(challenge_id, ()))
            return sum(len(p) for p in self.ready.values())

    def close(self) -> None:
        with self.lock:
            self.stopping = True
            self.lock.notify_all()
        self._stop_child()
        if self.thread is not None:
            self.thread.join(10)

    # ---------------------------------------------------------------- background work

    def _loop(self) -> None:
        while True:
            with self.lock:
                while not self.stopping and not self.wanted:
                    self.lock.wait(30)
                if self.stopping:
                    return
                challenge_id = self.wanted.popleft()
            plan = self._draw(challenge_id)
            with self.lock:
                if plan is not None:
                    self.ready[challenge_id].append(plan)
                    self.prepared += 1
                else:
                    self.wanted.append(challenge_id)
                    self.lock.wait(RESTART_PAUSE_S)

    def _draw(self, challenge_id: str):
        try:
            if self.process is None or not self.process.is_alive():
                self._start_child()
            self.conn.send(challenge_id)
            while not self.conn.poll(1.0):
                if self.stopping:
                    return None
                if not self.process.is_alive():
                    raise EOFError("the planner process died")
            kind, value = self.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            log.warning("planner process failed (%s); restarting it", exc)
            self._stop_child()
            return None
        if kind != "plan":
            log.warning("could not prepare a plan for %s: %s", challenge_id, value)
            return None
        return value

    def _start_child(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child_end = context.Pipe()
        folders = [str(c.path) for c in self.challenges.values()]
        self.process = context.Process(target=_child, args=(child_end, folders),
                                       name="cvjudge-planner", daemon=True)
        self.process.start()
        child_end.close()

    def _stop_child(self) -> None:
        if self.process is None:
            return
        try:
            self.conn.send(None)
        except (OSError, BrokenPipeError):
            pass
        self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(2)
        self.process = self.conn = None
        time.sleep(0)
