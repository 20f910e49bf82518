"""`pairs`: an ordered list of (index, score) pairs; indices exact, scores within tolerance."""
import math

import numpy as np

from judge.comparators.numbers import ABS_TOL, REL_TOL, as_real, close
from judge.comparators.show import describe, show


def _pair(item):
    """(int, float) from a decoded 2-item list or tuple, else None."""
    if isinstance(item, np.ndarray) and item.shape == (2,):
        item = item.tolist()
    if type(item) not in (list, tuple) or len(item) != 2:
        return None
    index, score = as_real(item[0]), as_real(item[1])
    if index is None or score is None or not math.isfinite(index) or index != int(index):
        return None
    return int(index), score


def build(rtol: float = REL_TOL, atol: float = ABS_TOL, params: tuple = ()):
    def compare_pairs(expected, got, args=None) -> str | None:
        if isinstance(got, np.ndarray) and got.ndim == 2 and got.shape[1] == 2:
            got = got.tolist()
        if isinstance(got, np.ndarray) and got.size == 0:
            got = []
        if type(got) not in (list, tuple):
            return f"expected a list of (index, score) pairs, got {describe(got)}"
        want = [(int(i), float(s)) for i, s in expected]
        for position, item in enumerate(got):
            pair = _pair(item)
            if pair is None:
                return (f"expected (index, score) pairs, got {show(item)} at position "
                        f"{position}")
            if position >= len(want):
                return f"expected {len(want)} pairs, got {len(got)}: {show(item)} is extra"
            if pair[0] != want[position][0] or not close(pair[1], want[position][1], rtol, atol):
                return (f"pair {position} differs: expected {show(want[position])}, "
                        f"got {show(pair)}")
        if len(got) < len(want):
            return (f"expected {len(want)} pairs, got {len(got)}: missing "
                    f"{show(want[len(got)])} at position {len(got)}")
        return None

    return compare_pairs
