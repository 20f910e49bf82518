"""`float`: one real number within |got - expected| <= atol + rtol * |expected|."""
import math

import numpy as np

from judge.comparators.show import describe, show

ABS_TOL = 1e-9
REL_TOL = 1e-6


def as_real(value) -> float | None:
    """A plain float from an int, float or numpy number (bools are not numbers here)."""
    if type(value) is bool or isinstance(value, np.bool_):
        return None
    if type(value) in (int, float):
        try:
            return float(value)
        except OverflowError:
            return None
    if isinstance(value, (np.integer, np.floating)) or (
            isinstance(value, np.ndarray) and value.shape == () and value.dtype.kind in "iuf"):
        return float(value)
    return None


def close(got: float, expected: float, rtol: float, atol: float) -> bool:
    """Within tolerance; never for NaN; infinities only equal to themselves."""
    if math.isnan(got) or math.isnan(expected):
        return False
    if math.isinf(got) or math.isinf(expected):
        return got == expected
    return abs(got - expected) <= atol + rtol * abs(expected)


def build(rtol: float = REL_TOL, atol: float = ABS_TOL, params: tuple = ()):
    def compare_float(expected, got, args=None) -> str | None:
        number = as_real(got)
        want = float(expected)
        if number is None:
            return f"expected a number such as {show(want)}, got {describe(got)}"
        if not close(number, want, rtol, atol):
            return f"expected {show(want)}, got {show(number)}"
        return None

    return compare_float
