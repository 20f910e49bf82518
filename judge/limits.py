"""The limits a challenge states, in the same numbers its results and messages use.

Time limits are CPU seconds on a fixed *reference machine*. Before grading, each sandbox times
a calibration workload that takes NOMINAL_CALIBRATION_S there; every limit is multiplied by how
much slower (or faster) this server ran it, the scale factor, and TIMING_ALLOWANCE_S is added
for process and protocol noise. The page states the reference number, the results show it
again with the factor, so the number a person reads never moves from run to run.
"""
from dataclasses import dataclass

import numpy as np

NOMINAL_CALIBRATION_S = 0.010  # the calibration workload's CPU time on the reference machine
SPEED_FACTOR_RANGE = (0.25, 20.0)
TIMING_ALLOWANCE_S = 0.05  # fixed slack on every timed call (process and protocol noise)


@dataclass(frozen=True)
class StatedLimits:
    """What a challenge page says up front."""
    timed_property: str | None
    timed_size: str | None  # the timed test's input, in a few words
    cpu_s: float | None  # its CPU limit on the reference machine
    call_cpu_s: float  # any other single call's CPU limit on the reference machine
    memory_mb: int

    @property
    def scaling(self) -> str:
        low, high = SPEED_FACTOR_RANGE
        return (f"Time limits are CPU seconds on the reference machine. This server times a "
                f"fixed calibration workload in each sandbox and multiplies every limit by how "
                f"much slower it ran than there (the scale factor, kept between {low:g} and "
                f"{high:g}), then adds {TIMING_ALLOWANCE_S * 1000:.0f} ms for process overhead; "
                f"each result shows the factor it used.")


def stated_limits(challenge) -> StatedLimits:
    timed = next((p for p in challenge.properties if p.timed), None)
    return StatedLimits(timed.name if timed else None, timed.size if timed else None,
                        timed.time_limit_s if timed else None,
                        challenge.limits.call_timeout_s, challenge.limits.memory_mb)


def seconds(value: float) -> str:
    """`1.2 s`, `0.05 s`, `0.236 s`: as many digits as the number needs, at most three."""
    return f"{float(f'{value:.3g}'):g} s" if value < 10 else f"{value:.0f} s"


def limit_text(nominal_s: float, speed: float, *, timed: bool) -> str:
    """`1.2 s on the reference machine (0.23 s on this server, scale factor 0.15)`."""
    here = nominal_s * speed + (TIMING_ALLOWANCE_S if timed else 0.0)
    return (f"{seconds(nominal_s)} on the reference machine ({seconds(here)} on this server, "
            f"scale factor {speed:.2f})")


def input_size(named_args: dict) -> str:
    """The size of one call's arguments in a few words: `boxes (1024, 4), scores (1024,)`.

    Only arrays and lists are named (a scalar says nothing about size); "" when there are
    none.
    """
    parts = []
    for name, value in named_args.items():
        if isinstance(value, np.ndarray):
            parts.append(f"{name} of shape {tuple(int(n) for n in value.shape)}")
        elif isinstance(value, (list, tuple)) and len(value) > 4:
            parts.append(f"{name} with {len(value):,} items")
    return ", ".join(parts)
