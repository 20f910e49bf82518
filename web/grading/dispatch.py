"""Where a queued submission goes: Celery workers when a broker is set, else the in-process pool.

The database is the source of truth. A submission is committed as `queued` before it is
announced, and announcing never fails the request: when Redis is down the message is simply
not sent, and a worker's sweep sends it later. After each message sent we leave a marker in
Redis (`cvjudge:sent:<id>`, expiring after REPUBLISH_S); a submission still queued whose
marker is gone (Redis lost its data, or the send failed) is published again by the sweep.
A duplicate message is harmless: only one claim of a queued submission can succeed.
"""
import logging
import os

from flask import Flask, current_app

from web.db import db
from web.grading.lanes import PRACTICE, lanes_of
from web.logs import event

log = logging.getLogger(__name__)

TASK = "cvjudge.grade"
QUEUE = "cvjudge"  # the practice lane (the name every message had before lanes existed)
QUEUES = {"practice": QUEUE, "interactive": "cvjudge.interactive"}
MARKER = "cvjudge:sent:{}"
SWEEP_TURN = "cvjudge:sweep-turn"
BROKER_TIMEOUT_S = 2.0  # publishing, pings and status calls give up this fast


def celery_settings(config: dict) -> dict:
    """The Celery settings web processes and workers share (no result backend: the DB has them)."""
    return {
        "task_acks_late": True,  # acknowledge after grading, so a dead worker's job is redelivered
        "task_reject_on_worker_lost": True,  # a killed grading process requeues its message
        "worker_prefetch_multiplier": 1,  # each process holds one job, never a hoard
        "task_ignore_result": True,
        "task_default_queue": QUEUE,
        "task_publish_retry": False,  # never hang a request on a missing broker: the sweep resends
        "broker_connection_timeout": BROKER_TIMEOUT_S,
        "broker_connection_retry_on_startup": True,
        "broker_transport_options": {
            "visibility_timeout": config["BROKER_VISIBILITY_S"],  # unacked longer: redelivered
            "unacked_restore_interval": min(10.0, config["BROKER_VISIBILITY_S"]),
            "unacked_restore_throttle": 1,
            "socket_connect_timeout": BROKER_TIMEOUT_S,
            "socket_timeout": 10.0,
        },
        "worker_cancel_long_running_tasks_on_connection_loss": False,  # results go to the DB
        "worker_hijack_root_logger": False,
        "worker_redirect_stdouts": False,
        "worker_enable_remote_control": True,  # `cvjudge status` pings the workers
    }


def make_celery(config: dict):
    from celery import Celery
    app = Celery("cvjudge", broker=config["BROKER_URL"], set_as_current=False)
    app.conf.update(celery_settings(config))
    return app


class BrokerQueue:
    """Publishes submission ids to the Celery workers and keeps the sent-markers."""

    def __init__(self, config: dict):
        import redis
        self.url = config["BROKER_URL"]
        self.republish_s = config["REPUBLISH_S"]
        self.celery = make_celery(config)
        self.redis = redis.Redis.from_url(self.url, socket_timeout=BROKER_TIMEOUT_S,
                                          socket_connect_timeout=BROKER_TIMEOUT_S)

    def dispatch(self, submission_id: int, lane: str = "practice") -> bool:
        """Send one job to its lane's queue; False (logged, never raised) when the broker
        cannot be reached."""
        try:
            self.celery.send_task(TASK, args=[submission_id], queue=QUEUES[lane], retry=False)
        except Exception as exc:
            event(log, "dispatch_failed", logging.WARNING, submission=submission_id,
                  error=type(exc).__name__)
            return False
        try:  # after the send: a marker with no message behind it would hide a lost job
            self.redis.set(MARKER.format(submission_id), 1, ex=max(1, round(self.republish_s)))
        except Exception as exc:  # at worst the sweep sends a harmless duplicate
            event(log, "marker_failed", logging.WARNING, submission=submission_id,
                  error=type(exc).__name__)
        event(log, "dispatched", submission=submission_id, lane=lane)
        return True

    def unsent(self, submission_ids: list[int]) -> list[int]:
        """The ids with no live sent-marker: their message may be lost."""
        if not submission_ids:
            return []
        markers = self.redis.mget([MARKER.format(i) for i in submission_ids])
        return [i for i, marker in zip(submission_ids, markers) if marker is None]

    def forget(self, submission_id: int) -> None:
        """Drop the marker, so the next sweep sends this submission again."""
        try:
            self.redis.delete(MARKER.format(submission_id))
        except Exception:
            pass

    def take_sweep_turn(self, every_s: float) -> bool:
        """True for one caller per `every_s` across all workers; True when Redis cannot say."""
        try:
            return bool(self.redis.set(SWEEP_TURN, os.getpid(), nx=True,
                                       px=max(1, int(every_s * 900))))  # 90%: no gap between turns
        except Exception:
            return True

    def ping(self) -> None:
        """Raises when Redis does not answer within BROKER_TIMEOUT_S."""
        self.redis.ping()

    def depth(self) -> int:
        """Messages waiting in the broker (not yet taken by a worker), in every lane."""
        return sum(int(self.redis.llen(queue)) for queue in QUEUES.values())

    def workers(self, timeout_s: float = 1.0) -> list[str]:
        """Names of the workers that answered a ping."""
        replies = self.celery.control.ping(timeout=timeout_s) or []
        return sorted(name for reply in replies for name in reply)


def init_app(app: Flask) -> None:
    """With a broker configured every web process publishes to it; else a pool attaches later."""
    app.extensions["cvjudge.queue"] = BrokerQueue(app.config) if app.config.get("BROKER_URL") \
        else None


def attach_pool(app: Flask, pool) -> None:
    """`cvjudge serve` without a broker: grading threads in this process take the work."""
    app.extensions["cvjudge.queue"] = pool


def broker_queue(app: Flask) -> BrokerQueue | None:
    queue = app.extensions.get("cvjudge.queue")
    return queue if isinstance(queue, BrokerQueue) else None


def dispatch(submission_id: int, lane: str | None = None) -> None:
    """Announce a committed, queued submission to whichever queue this app runs (never raises).

    Without any queue in this process (tests, a web server whose graders are elsewhere) the
    submission waits in the database for the next grader to look. The lane is looked up
    when the caller does not know it.
    """
    queue = current_app.extensions.get("cvjudge.queue")
    if isinstance(queue, BrokerQueue):
        if lane is None:
            lane = lanes_of(db(), [submission_id]).get(submission_id, PRACTICE)
        queue.dispatch(submission_id, lane)
    elif queue is not None:
        queue.dispatch(submission_id)
