"""Gives every row its cheapest column, even when two rows want the same one."""
# expect: wrong_answer
import numpy as np


def hungarian_matching(cost):
    n, m = cost.shape
    if n == 0 or m == 0:
        return []
    if n <= m:
        return [(r, int(c)) for r, c in enumerate(np.argmin(cost, axis=1))]
    return [(int(r), c) for c, r in enumerate(np.argmin(cost, axis=0))]
