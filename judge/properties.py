"""What a challenge's `properties.py` declares: named, weighted, described hypothesis checks.

Each property is a strategy of positional-argument tuples. The engine sends every drawn tuple
to the submission in the sandbox, computes the reference answer on the host and compares the
two with the challenge's comparator, so a property only has to say *which inputs* to try.
"""
from dataclasses import dataclass, field

from hypothesis.strategies import SearchStrategy


@dataclass(frozen=True)
class Property:
    """One hidden check.

    name: short snake_case id, unique in the challenge.
    description: one sentence shown to the user, saying what is checked (not how to pass).
    strategy: yields tuples of positional arguments for the challenge's function.
    weight: share of the score (score = weighted fraction of properties passed).
    max_examples: how many drawn examples hypothesis tries.
    explicit: argument tuples always tried first (exact boundary cases).
    time_limit_s: for a timing property, the CPU seconds one call may take on the reference
        machine; the engine scales it by the host's measured speed. None: not a timing property.
    size: for the timing property, its input in a few words ("about 1,000 detections"): the
        challenge page states it beside the limit, and time/memory messages name it.
    hint: what rule a failure of this property breaks, in one sentence shown with the
        failure (the description says what is tried; the hint says what to fix).
    rank: how specific the property is; when several fail, the counterexample shown is the
        highest-ranked one's (ties: the earlier property), the others are listed.
    """

    name: str
    description: str
    strategy: SearchStrategy
    weight: int = 1
    max_examples: int = 100
    explicit: tuple = field(default=())
    time_limit_s: float | None = None
    size: str | None = None
    hint: str | None = None
    rank: int = 0

    @property
    def timed(self) -> bool:
        return self.time_limit_s is not None
