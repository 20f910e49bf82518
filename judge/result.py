"""What a grading run produces: plain frozen data, ready to store or print as JSON."""
from dataclasses import asdict, dataclass, field

from judge.verdicts import Verdict


@dataclass(frozen=True)
class PropertyResult:
    name: str
    description: str
    weight: int
    passed: bool
    message: str
    verdict: Verdict | None = None  # what this property's failure means; None when passed
    examples_run: int = 0
    duration_s: float = 0.0  # wall time of this property: generation, calls, comparison
    hint: str = ""  # when failed: the rule this property checks, to say what to fix


@dataclass(frozen=True)
class Counterexample:
    """The smallest failing input found, for the first failing property."""
    property: str
    inputs: dict
    expected: object
    got: object
    message: str
    shrunk: bool = True
    answered: bool = True  # False: the call crashed or ran out of time, so `got` is empty
    hint: str = ""  # the rule the failing property checks (judge.properties.Property.hint)
    also_failed: tuple = ()  # the other failing properties, less specific than this one


@dataclass(frozen=True)
class GradeResult:
    challenge: str
    verdict: Verdict
    score: int
    properties: tuple = ()
    counterexample: Counterexample | None = None
    seed: int | None = None
    duration_s: float = 0.0
    message: str = ""
    time_used_s: float = 0.0  # CPU seconds the submission spent answering calls
    time_limit_s: float | None = None  # the timing property's scaled per-call limit
    reference_time_limit_s: float | None = None  # ... the same limit on the reference machine
    timed_size: str | None = None  # the timing property's input, in words
    speed_factor: float | None = None  # this host's scale factor (judge/limits.py)
    memory_mb: int | None = None
    slowest_timed_call_s: float | None = None
    container_start_s: float = 0.0
    calibration_s: float | None = None
    output: str = ""  # the start of what the submission printed
    calls: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def accepted(self) -> bool:
        return self.verdict is Verdict.ACCEPTED

    def to_dict(self) -> dict:
        data = asdict(self)
        data["verdict"] = self.verdict.value
        for prop in data["properties"]:
            prop["verdict"] = prop["verdict"].value if prop["verdict"] else None
        return data
