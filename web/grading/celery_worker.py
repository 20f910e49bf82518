"""`cvjudge worker`: a Celery worker that grades submissions from Redis in its own Docker engine.

Each message carries only a submission id; everything else is read from the database, and the
result goes back there through the same claim and store functions the in-process pool uses.
Every worker also sweeps now and then (a Celery timer in its main process): it releases
submissions whose grader stopped renewing its lease, and re-sends queued submissions whose
message may have been lost. Sweeps are conditional updates, so any number may run at once.
"""
import logging
import os
import socket
from dataclasses import dataclass, field
from datetime import timedelta

from web.db import Database
from web.grading.dispatch import QUEUES, TASK, BrokerQueue, make_celery
from web.grading.lanes import LANES, lanes_of, should_step_aside
from web.grading.lifecycle import (
    JudgeGrader,
    claim,
    grade_submission,
    queued_before,
    release_stale,
)
from web.logs import event
from web.models import utcnow

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    """What one worker process needs; the database and broker clients are made per process."""
    config: dict
    challenges: dict
    stand_in: object = None  # a grader for tests; None: the judge
    _clients: dict = field(default_factory=dict)  # (name, pid) -> client

    @property
    def grader(self):
        """The judge with this process's own warm sandboxes and planner (made after the fork:
        threads, child processes and Docker connections must not be inherited)."""
        if self.stand_in is not None:
            return self.stand_in
        return self._per_process("grader", lambda: JudgeGrader(self.challenges).start())

    @property
    def database(self) -> Database:
        return self._per_process("database", lambda: Database(
            self.config["DATABASE_URL"], pool_size=self.config["WORKER_DB_POOL_SIZE"],
            max_overflow=self.config["WORKER_DB_MAX_OVERFLOW"],
            pool_timeout=self.config["DB_POOL_TIMEOUT_S"]))

    @property
    def queue(self) -> BrokerQueue:
        return self._per_process("queue", lambda: BrokerQueue(self.config))

    def _per_process(self, name: str, make):
        """A forked grading process must not share its parent's sockets: make its own."""
        key = (name, os.getpid())
        if key not in self._clients:
            for (old_name, pid), client in list(self._clients.items()):
                if old_name == name and pid != os.getpid() and isinstance(client, Database):
                    client.engine.dispose(close=False)  # leave the parent's connections alone
            self._clients[key] = make()
        return self._clients[key]

    def close_process(self) -> None:
        """What this grading process made: its warm sandboxes and planner go with it, so a
        stopped worker leaves no pooled container behind."""
        grader = self._clients.pop(("grader", os.getpid()), None)
        if grader is not None:
            try:
                grader.close()
            except Exception:  # shutting down: log, never block the exit
                log.exception("closing the grader failed")


RUNTIME: Runtime | None = None  # set by run_worker before the grading processes fork


def grade_job(submission_id: int) -> None:
    """The Celery task: claim, grade, store. A message for work already taken is dropped."""
    runtime = RUNTIME
    if step_aside(runtime, submission_id):
        return
    try:
        claimed = claim(runtime.database, submission_id)
    except Exception:
        runtime.queue.forget(submission_id)  # the next sweep sends it again
        raise
    if claimed is None:  # graded, being graded by a live worker, or unknown: nothing to do
        event(log, "skipped", submission=submission_id, reason="not_queued")
        return
    grade_submission(runtime.database, submission_id, runtime.challenges, runtime.grader,
                     attempt=claimed.attempt, heartbeat_s=runtime.config["LEASE_S"] / 4)


def step_aside(runtime: Runtime, submission_id: int) -> bool:
    """Fair order for a grader handed one message: when this job's owner already has two
    running while others wait, send it to the back of its lane's queue and take no claim."""
    try:
        with runtime.database.session() as session:
            if not should_step_aside(session, submission_id):
                return False
            lane = lanes_of(session, [submission_id])[submission_id]
    except Exception:  # the database is away: the claim below reports it
        return False
    event(log, "stepped_aside", submission=submission_id, lane=lane)
    return runtime.queue.dispatch(submission_id, lane)


def sweep(runtime: Runtime) -> dict:
    """Release expired leases and re-send queued work with no live message; returns counts."""
    config, database, queue = runtime.config, runtime.database, runtime.queue
    released = release_stale(database, lease_s=config["LEASE_S"],
                             max_attempts=config["MAX_ATTEMPTS"])
    waiting = queued_before(database, utcnow() - timedelta(seconds=config["SWEEP_S"]))
    resent = queue.unsent(waiting)
    with database.session() as session:
        lanes = lanes_of(session, released.requeued + resent)
    for submission_id in released.requeued:
        queue.dispatch(submission_id, lanes.get(submission_id, "practice"))
    for submission_id in resent:
        event(log, "republish", logging.WARNING, submission=submission_id)
        queue.dispatch(submission_id, lanes.get(submission_id, "practice"))
    return {"requeued": len(released.requeued), "abandoned": len(released.abandoned),
            "republished": len(resent)}


def sweep_safely() -> None:
    """One sweep, unless another worker swept moments ago (saves work; both would be safe)."""
    from judge.sandbox import remove_orphans
    counts = {}
    if RUNTIME.queue.take_sweep_turn(RUNTIME.config["SWEEP_S"]):
        try:
            counts = sweep(RUNTIME)
        except Exception as exc:  # the database or Redis is away: the next sweep tries again
            event(log, "sweep_failed", logging.WARNING, error=type(exc).__name__)
    try:  # sandboxes a killed grading process left behind on this machine's engine
        counts["orphans_removed"] = remove_orphans()
    except Exception as exc:
        event(log, "orphan_sweep_failed", logging.WARNING, error=type(exc).__name__)
    if any(counts.values()):
        event(log, "swept", **counts)


def worker_app(config: dict):
    """The Celery app with the grading task and the sweeping timer registered."""
    from celery import bootsteps
    from celery.signals import worker_process_shutdown

    app = make_celery(config)
    app.task(name=TASK, ignore_result=True)(grade_job)
    worker_process_shutdown.connect(_close_grading_process, weak=False)

    class Sweeper(bootsteps.StartStopStep):
        requires = {"celery.worker.components:Timer"}

        def __init__(self, worker, **kwargs):
            super().__init__(worker, **kwargs)
            self.timer = None

        def start(self, worker):
            sweep_safely()
            self.timer = worker.timer.call_repeatedly(config["SWEEP_S"], sweep_safely, priority=10)

        def stop(self, worker):
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None

    app.steps["worker"].add(Sweeper)
    return app


def _close_grading_process(**_kwargs) -> None:
    if RUNTIME is not None:
        RUNTIME.close_process()


def default_name() -> str:
    """Unique per process, so several workers can share a machine."""
    return f"cvjudge-{os.getpid()}@{socket.gethostname()}"


def run_worker(config: dict, challenges: dict, *, concurrency: int, name: str | None = None,
               grader=None, lanes=LANES) -> int:
    """Start grading (blocks until the worker is told to stop); returns the exit status."""
    global RUNTIME
    RUNTIME = Runtime(config, challenges, stand_in=grader)
    app = worker_app(config)
    worker = app.Worker(hostname=name or default_name(), concurrency=concurrency,
                        pool="prefork", loglevel="INFO", without_gossip=True,
                        without_mingle=True, quiet=True,
                        queues=[QUEUES[lane] for lane in lanes])  # interactive listed first
    worker.start()
    return worker.exitcode or 0
