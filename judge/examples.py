"""Run a submission on a challenge's visible examples only: quick feedback before submitting.

Each example becomes a one-off property of the same challenge, so the same engine, sandbox,
comparison and verdicts apply; nothing hidden is run and nothing is shrunk.
"""
from dataclasses import replace

from hypothesis import strategies as st

from judge.catalogue import Challenge
from judge.engine import grade
from judge.properties import Property
from judge.result import GradeResult


def example_properties(challenge: Challenge) -> tuple:
    return tuple(
        Property(name=f"example_{number}", description=example.explanation,
                 strategy=st.just(example.args), weight=1, max_examples=1,
                 hint=f"Example {number} of the statement, worked out there: "
                      f"{example.explanation}")
        for number, example in enumerate(challenge.examples, start=1))


def run_examples(challenge: Challenge, source: str, **options) -> GradeResult:
    """Grade `source` against the visible examples; same result shape as `grade`."""
    result = grade(replace(challenge, properties=example_properties(challenge)), source, **options)
    if result.counterexample is None:
        return result
    return replace(result, counterexample=replace(result.counterexample, shrunk=False))
