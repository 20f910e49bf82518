"""Judge an assignment by what it is, not by which optimum it is: min(N, M) pairs of whole
numbers in range, no row or column twice, and a total cost (math.fsum) within
1e-9 * (1 + sum of |c| over the chosen pairs) of the reference's optimal total."""
import math

import numpy as np

from judge.comparators.show import describe, show

REL_TOL = 1e-9


def _whole(value) -> int | None:
    """An int from an int or an integral float (bools and everything else: None)."""
    if type(value) is int:
        return value
    if type(value) is float and math.isfinite(value) and value.is_integer():
        return int(value)
    return None


def _pairs(got, want: int):
    """The answer as a list of (row, column) ints, or a message saying why it is not."""
    if isinstance(got, np.ndarray):
        if got.size == 0:
            return []
        if got.ndim != 2 or got.shape[1] != 2 or got.dtype.kind not in "iuf":
            return f"expected a list of (row, column) pairs, got {describe(got)}"
        got = got.tolist()
    if type(got) not in (list, tuple):
        return f"expected a list of (row, column) pairs, got {describe(got)}"
    if len(got) != want:
        if len(got) == 2 and want != 2 and all(
                (type(item) in (list, tuple) or isinstance(item, np.ndarray)) and len(item) == want
                for item in got):
            return (f"expected {want} (row, column) pairs, got two sequences: to turn "
                    "(rows, columns) into pairs, use list(zip(rows, columns))")
        return f"expected {want} pair{'' if want == 1 else 's'} (min(N, M)), got {len(got)}"
    pairs = []
    for position, item in enumerate(got):
        if isinstance(item, np.ndarray):
            item = item.tolist()
        row = col = None
        if type(item) in (list, tuple) and len(item) == 2:
            row, col = _whole(item[0]), _whole(item[1])
        if row is None or col is None:
            return (f"expected (row, column) pairs of whole numbers, got {show(item)} at "
                    f"position {position}")
        pairs.append((row, col))
    return pairs


def compare(expected, got, args) -> str | None:
    cost = np.asarray(args[0], dtype=np.float64)
    n, m = cost.shape
    pairs = _pairs(got, min(n, m))
    if isinstance(pairs, str):
        return pairs
    rows, cols = set(), set()
    for row, col in pairs:
        if not 0 <= row < n:
            return f"expected rows 0 to {n - 1} (a {n} x {m} matrix), got row {row}"
        if not 0 <= col < m:
            return f"expected columns 0 to {m - 1} (a {n} x {m} matrix), got column {col}"
        if row in rows:
            return f"expected each row at most once, got row {row} twice"
        if col in cols:
            return f"expected each column at most once, got column {col} twice"
        rows.add(row)
        cols.add(col)
    total = math.fsum(cost[r, c] for r, c in pairs)
    optimum = math.fsum(cost[r, c] for r, c in expected)
    tolerance = REL_TOL * (1 + math.fsum(abs(cost[r, c]) for r, c in pairs))
    if abs(total - optimum) > tolerance:
        return (f"expected an assignment of total cost {show(optimum)} (the optimum), got one "
                f"costing {show(total)}")
    return None
