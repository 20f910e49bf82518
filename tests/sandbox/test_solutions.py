"""Held-in solutions per challenge: every correct style accepted, every known mistake caught.

challenges/<challenge>/solutions/correct_*.py must be accepted (graded with a fresh random seed
each run, printed on failure); wrong_*.py must be rejected, with the verdict named on a
`# expect: <verdict>` line when there is one.
"""
import random
import re
from pathlib import Path

import pytest

from judge.catalogue import load_catalogue
from judge.engine import grade

SOLUTIONS = Path(__file__).resolve().parents[2] / "challenges"
CATALOGUE = load_catalogue()
FILES = sorted(SOLUTIONS.glob("*/solutions/*.py"))


def expected_verdict(path: Path):
    match = re.search(r"^# expect: (\w+)", path.read_text(), re.MULTILINE)
    return match.group(1) if match else None


def test_each_challenge_has_enough_solutions():
    for challenge_id in CATALOGUE:
        names = [p.name for p in FILES if p.parent.parent.name == challenge_id]
        assert sum(n.startswith("correct_") for n in names) >= 2, challenge_id
        assert sum(n.startswith("wrong_") for n in names) >= 6, challenge_id


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_solution_gets_the_right_verdict(path, docker_client):
    challenge = CATALOGUE[path.parent.parent.name]
    seed = random.randrange(2**32) if path.name.startswith("correct_") else 0
    result = grade(challenge, path.read_text(), seed=seed)
    context = f"seed {seed}: {result.verdict.value}: {result.message} {result.counterexample}"
    if path.name.startswith("correct_"):
        assert result.accepted, context
    else:
        assert not result.accepted and result.verdict.value != "internal_error", context
        if expected_verdict(path):
            assert result.verdict.value == expected_verdict(path), context
