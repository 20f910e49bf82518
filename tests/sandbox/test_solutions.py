"""Every challenge in the sandbox: reference accepted, starter rejected, every held-in correct
solution accepted and every known mistake caught with its expected verdict.

challenges/<id>/solutions/correct_*.py must be accepted and wrong_*.py must get the verdict
their `# expect:` line names. Wrong solutions are graded on the plan of seed 0; correct
ones on a plan with a fresh random seed each run (printed on failure), so over many runs
they meet many different hidden inputs. A plan is drawn once per challenge and seed and
shared, as a grader shares nothing between users but tests may.
"""
import functools
import random

import pytest

from judge.catalogue import load_catalogue
from judge.engine import grade
from judge.plans import make_plan

CATALOGUE = load_catalogue()
SOLUTIONS = [(c, s) for c in CATALOGUE.values() for s in c.solutions]
RANDOM_SEEDS = {cid: random.randrange(2**32) for cid in CATALOGUE}


@functools.lru_cache(maxsize=4)
def plan_for(challenge_id: str, seed: int):
    return make_plan(CATALOGUE[challenge_id], seed)


def by_challenge(challenge, *values):
    """A test case kept on one xdist worker with the rest of its challenge (one plan drawn)."""
    return pytest.param(*values, marks=pytest.mark.xdist_group(challenge.id))


@pytest.mark.parametrize("challenge, solution",
                         [by_challenge(c, c, s) for c, s in SOLUTIONS],
                         ids=[f"{c.id}/{s.path.stem}" for c, s in SOLUTIONS])
def test_solution_gets_the_right_verdict(challenge, solution, sandbox_pool):
    seed = RANDOM_SEEDS[challenge.id] if solution.correct else 0
    result = grade(challenge, solution.path.read_text(), plan=plan_for(challenge.id, seed),
                   pool=sandbox_pool)
    context = f"seed {seed}: {result.verdict.value}: {result.message} {result.counterexample}"
    assert result.verdict.value == solution.expected, context


@pytest.mark.parametrize("challenge", [by_challenge(c, c) for c in CATALOGUE.values()],
                         ids=list(CATALOGUE))
def test_reference_accepted_and_starter_rejected(challenge, sandbox_pool):
    plan = plan_for(challenge.id, RANDOM_SEEDS[challenge.id])
    reference = grade(challenge, challenge.reference_source, plan=plan, pool=sandbox_pool)
    assert reference.accepted, f"seed {plan.seed}: {reference.message}"
    starter = grade(challenge, challenge.starter, plan=plan, pool=sandbox_pool)
    assert not starter.accepted and starter.verdict.value != "internal_error", starter.message
