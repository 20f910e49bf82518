"""One grading process's judge: warm sandboxes and prepared plans behind `grade`.

A long-lived grader (the web process's grading threads, a Celery worker process) makes one
GradingService, starts it, and grades through it; a one-shot command (`cvjudge grade`)
calls judge.engine.grade directly, drawing its plan and starting its container itself,
which gives the same verdicts, only slower.
"""
import os

from judge.custom import run_custom
from judge.engine import grade
from judge.examples import run_examples
from judge.image import image_tag
from judge.planner import Planner
from judge.pool import SandboxPool

DEFAULT_POOL = 2


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip().isdigit() else default


class GradingService:
    def __init__(self, challenges: dict, *, pool_size: int | None = None,
                 plans_per_challenge: int | None = None, image: str | None = None, client=None):
        self.image = image or image_tag()
        size = env_int("CVJUDGE_SANDBOX_POOL", DEFAULT_POOL) if pool_size is None else pool_size
        plans = env_int("CVJUDGE_PLANS", 1) if plans_per_challenge is None else plans_per_challenge
        self.pool = SandboxPool(self.image, size=size, client=client) if size > 0 else None
        self.planner = Planner(challenges, plans)

    def start(self) -> "GradingService":
        if self.pool is not None:
            self.pool.start()
        self.planner.start()
        return self

    def close(self) -> None:
        self.planner.close()
        if self.pool is not None:
            self.pool.close()

    def grade(self, challenge, source: str, progress=None):
        """The hidden properties, with a prepared plan when one is ready."""
        return grade(challenge, source, image=self.image, pool=self.pool,
                     plan=self.planner.take(challenge.id), progress=progress)

    def run_custom(self, challenge, source: str, texts: dict, progress=None):
        """The submission on typed arguments, beside the reference's answer."""
        return run_custom(challenge, source, texts, image=self.image, pool=self.pool,
                          progress=progress)

    def run_examples(self, challenge, source: str, progress=None):
        """The visible examples only (quick feedback); nothing is shrunk."""
        return run_examples(challenge, source, image=self.image, pool=self.pool,
                            progress=progress)
