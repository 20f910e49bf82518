"""`indices`: an ordered list of whole numbers, compared exactly (e.g. NMS's kept boxes)."""
import math

import numpy as np

from judge.comparators.show import describe, show

SHORT_LIST = 20  # longer index lists are described, not printed


def as_indices(got) -> list | str:
    """The answer as a list of ints, or a message saying why it is not one."""
    if isinstance(got, np.ndarray):
        if got.ndim != 1 or got.dtype.kind not in "iuf":
            return f"expected a list of indices, got {describe(got)}"
        got = got.tolist()
    if type(got) not in (list, tuple):
        return f"expected a list of indices, got {describe(got)}"
    indices = []
    for item in got:
        if (type(item) is bool or type(item) not in (int, float)
                or not math.isfinite(item) or item != int(item)):
            return f"expected whole-number indices, got {show(item)} in the list"
        indices.append(int(item))
    return indices


def differ_at(expected: list, got: list) -> int:
    return next((k for k, (e, g) in enumerate(zip(expected, got)) if e != g),
                min(len(expected), len(got)))


def build(params: tuple = ()):
    def compare_indices(expected, got, args=None) -> str | None:
        indices = as_indices(got)
        if isinstance(indices, str):
            return indices
        expected = [int(i) for i in expected]
        if indices == expected:
            return None
        if max(len(expected), len(indices)) <= SHORT_LIST:
            return f"expected {expected}, got {indices}"
        first = differ_at(expected, indices)
        return (f"expected {len(expected)} indices, got {len(indices)}; they first differ at "
                f"position {first}: expected {expected[first:first + 3]}..., "
                f"got {indices[first:first + 3]}...")

    return compare_indices
