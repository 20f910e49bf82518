"""Warm sandboxes: started, locked-down containers kept ready so a grading need not wait.

Each container in the pool has its runner up, numpy imported in the submission's process and
the speed calibration done; `take` hands one to exactly one grading, which removes it after
use (the runner also refuses a second submission). A background thread refills the pool and
removes used containers, so neither a start nor a removal sits on a grading's critical path.
Containers carry the usual labels, so those of a grader that dies are found and removed by
judge.sandbox.remove_orphans as before.
"""
import logging
import threading
import time
from collections import deque

from judge.sandbox import Limits, Sandbox, SandboxError

log = logging.getLogger(__name__)
MAX_AGE_S = 600.0  # older idle containers are replaced (fresh calibration)
RETRY_PAUSE_S = 5.0  # after a failed start (engine away, image missing)


class SandboxPool:
    def __init__(self, image: str, limits: Limits = Limits(), size: int = 2, client=None,
                 max_age_s: float = MAX_AGE_S):
        import docker

        self.image, self.limits, self.size, self.max_age_s = image, limits, size, max_age_s
        self.client = client or docker.from_env()
        self.ready: deque = deque()  # (started_at, Sandbox)
        self.to_remove: deque = deque()
        self.lock = threading.Condition()
        self.stopping = False
        self.thread = None
        self.started_ids: list = []  # containers this pool started, for tests and logs
        self.busy = False  # starting or removing a container right now

    def start(self) -> "SandboxPool":
        if self.size > 0 and self.thread is None:
            self.thread = threading.Thread(target=self._loop, name="sandbox-pool", daemon=True)
            self.thread.start()
        return self

    def take(self) -> Sandbox | None:
        """A ready container for one grading, or None when none is ready right now."""
        while True:
            with self.lock:
                if not self.ready:
                    self.lock.notify_all()
                    return None
                _, sandbox = self.ready.popleft()
                self.lock.notify_all()
            if sandbox.ping(1.0):
                return sandbox
            log.info("a pooled sandbox stopped answering; replacing it")
            self.discard(sandbox)

    def discard(self, sandbox: Sandbox) -> None:
        """Remove a used container in the background (or now, without a pool thread)."""
        if self.thread is None:
            sandbox.close()
            return
        with self.lock:
            self.to_remove.append(sandbox)
            self.lock.notify_all()

    def idle(self) -> int:
        with self.lock:
            return len(self.ready)

    def settled(self) -> bool:
        """No container is being started or removed, and none waits for removal."""
        with self.lock:
            return not self.busy and not self.to_remove and (
                self.stopping or len(self.ready) >= self.size or self.thread is None)

    def close(self) -> None:
        with self.lock:
            self.stopping = True
            self.lock.notify_all()
        if self.thread is not None:
            self.thread.join(30)
        for _, sandbox in list(self.ready):
            sandbox.close()
        self.ready.clear()
        while self.to_remove:
            self.to_remove.popleft().close()

    # ---------------------------------------------------------------- background work

    def _loop(self) -> None:
        while True:
            with self.lock:
                while not self.stopping and not self.to_remove and not self._wants_more() \
                        and not self._has_old():
                    self.lock.wait(30)
                if self.stopping:
                    return
                doomed = self.to_remove.popleft() if self.to_remove else None
                if doomed is None and self._has_old():
                    doomed = self.ready.popleft()[1]
                grow = doomed is None and self._wants_more()
                self.busy = doomed is not None or grow
            try:
                if doomed is not None:
                    doomed.close()
                elif grow:
                    self._add_one()
            except Exception:  # the pool must outlive one bad engine answer
                log.exception("sandbox pool: background work failed; going on")
            finally:
                with self.lock:
                    self.busy = False

    def _wants_more(self) -> bool:
        return len(self.ready) < self.size

    def _has_old(self) -> bool:
        return bool(self.ready) and time.monotonic() - self.ready[0][0] > self.max_age_s

    def _add_one(self) -> None:
        sandbox = Sandbox(self.image, self.limits, client=self.client)
        try:
            sandbox.start()
        except (SandboxError, Exception) as exc:  # engine away, image missing: try later
            sandbox.close()
            log.warning("could not start a pooled sandbox: %s", exc)
            with self.lock:
                self.lock.wait(RETRY_PAUSE_S)
            return
        self.started_ids.append(sandbox.container.id)
        with self.lock:
            if self.stopping or len(self.ready) >= self.size:
                sandbox.close()
                return
            self.ready.append((time.monotonic(), sandbox))
            self.lock.notify_all()
