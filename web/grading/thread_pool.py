"""The default queue: grading threads inside the web process, fed from the database.

The database is the queue, so a submission queued before a restart is still there after it;
threads wake at once when something is submitted and poll now and then in case another
process queued work.
"""
import logging
import threading

from web.grading import dispatch
from web.grading.lanes import INTERACTIVE, LANES
from web.grading.lifecycle import (
    DEFAULT_MAX_ATTEMPTS,
    JudgeGrader,
    claim_next,
    grade_submission,
    requeue_interrupted,
)

log = logging.getLogger(__name__)
POLL_S = 2.0


class InProcessPool:
    """`workers` grading threads for both lanes plus `interactive_workers` for the interactive
    lane only; the grader is the judge with warm sandboxes and prepared plans (made at start,
    closed at stop) unless a stand-in is given."""

    def __init__(self, database, challenges: dict, workers: int, grader=None, *,
                 max_attempts: int = DEFAULT_MAX_ATTEMPTS, interactive_workers: int = 1):
        self.database, self.challenges = database, challenges
        self.interactive_workers = interactive_workers if workers > 0 else 0
        self.own_grader = grader is None and workers > 0
        self.grader = JudgeGrader(challenges) if self.own_grader else grader
        self.workers, self.max_attempts = workers, max_attempts
        self.wakeup = threading.Condition()
        self.stopping = threading.Event()
        self.threads: list[threading.Thread] = []

    def start(self) -> None:
        moved = requeue_interrupted(self.database, self.max_attempts)
        if moved:
            log.info("re-queued %d submissions interrupted by the last shutdown", moved)
        if self.own_grader:
            self.grader.start()
        for number in range(self.workers):
            self._start_thread(f"grader-{number}", LANES)
        for number in range(self.interactive_workers):  # never held up by practice submits
            self._start_thread(f"interactive-grader-{number}", (INTERACTIVE,))

    def _start_thread(self, name: str, lanes: tuple) -> None:
        thread = threading.Thread(target=self._loop, args=(lanes,), name=name, daemon=True)
        thread.start()
        self.threads.append(thread)

    def notify(self) -> None:
        with self.wakeup:
            self.wakeup.notify_all()

    def dispatch(self, _submission_id: int) -> None:
        """A submission was queued: wake a thread (they find it in the database)."""
        self.notify()

    def stop(self, timeout: float = 5.0) -> None:
        self.stopping.set()
        self.notify()
        for thread in self.threads:
            thread.join(timeout)
        if self.own_grader:
            self.grader.close()

    def _loop(self, lanes: tuple) -> None:
        while not self.stopping.is_set():
            try:
                submission_id = claim_next(self.database, lanes)
            except Exception:
                log.exception("could not read the queue")
                submission_id = None
            if submission_id is None:
                with self.wakeup:
                    self.wakeup.wait(POLL_S)
                continue
            try:
                grade_submission(self.database, submission_id, self.challenges, self.grader)
            except Exception:  # the database went away mid-write: leave it to a restart
                log.exception("could not store submission %s", submission_id)


def start_pool(app, workers: int) -> InProcessPool:
    """Grading threads in this process, attached as the app's queue (no broker configured)."""
    pool = InProcessPool(app.extensions["cvjudge.db"], app.extensions["cvjudge.catalogue"].challenges,
                         workers, max_attempts=app.config["MAX_ATTEMPTS"],
                         interactive_workers=app.config["INTERACTIVE_WORKERS"])
    dispatch.attach_pool(app, pool)
    pool.start()
    return pool
