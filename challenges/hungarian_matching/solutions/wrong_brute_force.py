"""Tries every assignment: exact on small matrices, hopeless on 120 x 120."""
# expect: time_limit_exceeded
import math
from itertools import permutations


def hungarian_matching(cost):
    n, m = cost.shape
    rows = cost.tolist()
    best, best_total = [], math.inf
    if n <= m:
        for cols in permutations(range(m), n):
            total = sum(rows[r][c] for r, c in enumerate(cols))
            if total < best_total:
                best, best_total = list(enumerate(cols)), total
    else:
        for chosen in permutations(range(n), m):
            total = sum(rows[r][c] for c, r in enumerate(chosen))
            if total < best_total:
                best, best_total = [(r, c) for c, r in enumerate(chosen)], total
    return best
