"""Greedy: repeatedly takes the cheapest remaining entry whose row and column are free."""
# expect: wrong_answer
import numpy as np


def hungarian_matching(cost):
    n, m = cost.shape
    order = np.argsort(cost, axis=None, kind="stable")
    used_rows, used_cols, pairs = set(), set(), []
    for flat in order:
        r, c = divmod(int(flat), m)
        if r not in used_rows and c not in used_cols:
            pairs.append((r, c))
            used_rows.add(r)
            used_cols.add(c)
    return pairs
