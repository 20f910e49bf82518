"""Comparators: does the submission's plain-data answer match the reference's?

Each returns None when the answer is acceptable, else a short message saying what differs.
The answer has already been decoded from the wire, so it is only ever plain data or an array.
"""
import math

import numpy as np

ABS_TOL = 1e-9
REL_TOL = 1e-6
SHORT_LIST = 20  # longer index lists are described, not printed


def close_enough(got: float, expected: float) -> bool:
    """|got - expected| <= 1e-9 + 1e-6 * |expected|, and never true for NaN."""
    return abs(got - expected) <= ABS_TOL + REL_TOL * abs(expected)


def _as_real(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, np.ndarray) and value.shape == () and value.dtype.kind in "iuf":
        return float(value)
    return None


def compare_float(expected, got) -> str | None:
    number = _as_real(got)
    if number is None:
        return f"expected a number, got {describe(got)}"
    if math.isnan(number) or not close_enough(number, float(expected)):
        return f"expected {float(expected)!r}, got {number!r}"
    return None


def compare_indices(expected, got) -> str | None:
    if isinstance(got, np.ndarray):
        if got.ndim != 1 or got.dtype.kind not in "iuf":
            return f"expected a list of indices, got {describe(got)}"
        got = got.tolist()
    if not isinstance(got, (list, tuple)):
        return f"expected a list of indices, got {describe(got)}"
    indices = []
    for item in got:
        if (isinstance(item, bool) or not isinstance(item, (int, float))
                or not math.isfinite(item) or item != int(item)):
            return f"expected integer indices, got {describe(item)} in the list"
        indices.append(int(item))
    expected = [int(i) for i in expected]
    if indices == expected:
        return None
    if max(len(expected), len(indices)) <= SHORT_LIST:
        return f"expected {expected}, got {indices}"
    first = next((k for k, (e, g) in enumerate(zip(expected, indices)) if e != g),
                 min(len(expected), len(indices)))
    return (f"expected {len(expected)} indices, got {len(indices)}; they first differ at "
            f"position {first}: expected {expected[first:first + 3]}..., "
            f"got {indices[first:first + 3]}...")


def compare_array(expected, got) -> str | None:
    expected = np.asarray(expected, dtype=np.float64)
    try:
        array = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return f"expected a {expected.ndim}-D array, got {describe(got)}"
    if isinstance(got, bool) or array.shape != expected.shape:
        return f"expected shape {expected.shape}, got shape {array.shape}"
    bad = ~(np.abs(array - expected) <= ABS_TOL + REL_TOL * np.abs(expected))
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        return (f"{int(bad.sum())} of {bad.size} values differ; first at index {where}: "
                f"expected {expected[where]!r}, got {array[where]!r}")
    return None


COMPARATORS = {"float": compare_float, "indices": compare_indices, "array": compare_array}


def describe(value) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of length {len(value)}"
    text = repr(value)
    return f"{type(value).__name__} {text[:60]}"
