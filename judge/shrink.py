"""Shrink a failing planned example with hypothesis, starting from its choice sequence.

The example a plan found failing is the one a live run would have stopped at, so shrinking
from it gives the same kind of small counterexample as before plans existed. Hypothesis
replays a saved choice sequence from its example database: we hand it one in memory under
the *secondary* key, which hypothesis replays and then shrinks (a primary entry would be
taken as already shrunk). This leans on three internals of the pinned hypothesis version
(`_hypothesis_internal_use_seed`, `_hypothesis_internal_database_key`, the ".secondary"
key); tests/unit/test_shrink.py fails if an upgrade changes them.
"""
import logging
import warnings

from hypothesis import Phase, given
from hypothesis.database import InMemoryExampleDatabase, choices_to_bytes
from hypothesis.errors import HypothesisWarning

from judge.plans import hypothesis_settings

log = logging.getLogger(__name__)
DATABASE_KEY = b"cvjudge.shrink"


class StopShrinking(BaseException):
    """Raised by a check to end shrinking at once (budget spent, sandbox gone)."""


def shrink(prop, choices: tuple, check, seed: int) -> None:
    """Run `check(args)` on smaller and smaller inputs derived from `choices`.

    `check` raises AssertionError for a failing input (hypothesis keeps the smallest) and
    StopShrinking to give up; the caller remembers the last failure it saw.
    """
    database = InMemoryExampleDatabase()
    database.save(DATABASE_KEY + b".secondary", choices_to_bytes(choices))
    test = given(args=prop.strategy)(check)
    settings = hypothesis_settings(prop, (Phase.reuse, Phase.shrink))
    test = type(settings)(settings, database=database)(test)
    test._hypothesis_internal_use_seed = seed
    test._hypothesis_internal_database_key = DATABASE_KEY
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", HypothesisWarning)
        try:
            test()
        except (AssertionError, StopShrinking):
            pass
        except Exception as exc:  # e.g. Flaky: the failure did not repeat; keep the original
            log.info("shrinking %s ended with %s", prop.name, type(exc).__name__)
