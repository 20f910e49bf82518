"""Test plans: the hidden examples of one grading, drawn ahead of time with their answers.

A plan holds, for every property of a challenge, the examples hypothesis draws from a seed,
in the order it would try them, each with the reference's answer, the encoded call the
sandbox receives and the choice sequence hypothesis drew it from. Drawing examples and
computing reference answers is most of a grading's host time (complex strategies, filters),
so a grader prepares plans while it is idle and a grading only sends them.

Drawing with a recording test function gives exactly the examples a live run would try as
long as every example passes, because hypothesis's generation depends on the seed and on
which examples failed, nothing else. A failing example is therefore the same one a live run
would have stopped at; its choice sequence lets judge/shrink.py shrink from it.
"""
import copy
import time
import warnings
from dataclasses import dataclass

from hypothesis import HealthCheck, Phase, Verbosity, example, given, settings
from hypothesis.control import current_build_context
from hypothesis.errors import HypothesisWarning
from hypothesis.internal.conjecture import providers

from judge import wire

# Hypothesis mixes constants found in the source of every loaded "local" module into what it
# draws, so which modules happen to be imported (the web app, a test, a challenge) would
# change the examples a seed gives. A seed must name one set of examples everywhere (the CLI
# reproduces a web grading by its seed), so local constants are turned off: hypothesis
# still uses its own fixed list of interesting values. tests/unit/test_plans.py checks it.
_NO_LOCAL_CONSTANTS = providers.Constants()
providers._get_local_constants = lambda: _NO_LOCAL_CONSTANTS


class ReferenceFailed(BaseException):
    """The trusted reference raised: a judge bug, surfaced as internal_error.

    A BaseException, so hypothesis never mistakes it for a failing example.
    """


@dataclass(frozen=True)
class PlannedExample:
    args: tuple
    body: bytes  # wire.call_body(args): what the sandbox receives
    expected: object  # the reference's answer
    choices: tuple | None  # hypothesis's choice sequence; None for an explicit example


@dataclass(frozen=True)
class Plan:
    challenge: str
    seed: int
    properties: tuple  # one tuple of PlannedExample per property, in the challenge's order
    drawn_s: float  # seconds it took to draw (host CPU a live grading would have spent)


def fresh(value):
    """A copy the reference may change freely: arrays and lists are copied, tuples of plain
    values (immutable) are shared. Much faster than deepcopy on 50,000-detection lists."""
    if type(value) in (int, float, str, bool, type(None)):
        return value
    if type(value) is tuple and all(type(v) in (int, float, str, bool) for v in value):
        return value
    if type(value) in (list, tuple):
        return type(value)(fresh(v) for v in value)
    return copy.deepcopy(value)


def reference_answer(challenge, args: tuple):
    try:
        return challenge.reference(*fresh(args))
    except Exception as exc:
        raise ReferenceFailed(f"the reference failed on {args!r}: {exc!r}") from exc


def hypothesis_settings(prop, phases) -> settings:
    """The settings every run of a property uses, whether drawing, grading or shrinking."""
    return settings(max_examples=prop.max_examples, deadline=None, database=None,
                    phases=phases, suppress_health_check=list(HealthCheck),
                    report_multiple_bugs=False, verbosity=Verbosity.quiet, print_blob=False)


def draw_examples(prop, seed: int) -> list:
    """(args, choices) in the order hypothesis tries them: explicit ones first (no choices)."""
    drawn = []

    def record(args):  # args are fully drawn when the body runs, so are their choices
        drawn.append((args, tuple(current_build_context().data.choices)))

    test = given(args=prop.strategy)(record)
    for explicit in reversed(prop.explicit):
        test = example(args=explicit)(test)
    test = hypothesis_settings(prop, (Phase.explicit, Phase.generate))(test)
    test._hypothesis_internal_use_seed = seed  # hypothesis.seed() would also drop the database
    with warnings.catch_warnings():  # e.g. "overly large repr" of a big timed input
        warnings.simplefilter("ignore", HypothesisWarning)
        test()
    explicit_count = len(prop.explicit)
    return [(args, None if index < explicit_count else choices)
            for index, (args, choices) in enumerate(drawn)]


def make_plan(challenge, seed: int) -> Plan:
    """Draw every property's examples for `seed` and compute the reference's answers."""
    started = time.process_time()
    properties = []
    for prop in challenge.properties:
        planned = []
        check = challenge.inputs_unchanged and not prop.timed  # timed calls are not slowed
        for args, choices in draw_examples(prop, seed):
            planned.append(PlannedExample(args, wire.call_body(args, check),
                                          reference_answer(challenge, args), choices))
        properties.append(tuple(planned))
    return Plan(challenge.id, seed, tuple(properties), round(time.process_time() - started, 3))
