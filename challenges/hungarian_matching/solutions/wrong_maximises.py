"""Maximises the total, as if the matrix held similarities (IoUs) rather than costs."""
# expect: wrong_answer
import numpy as np


def _min_assignment(cost):
    n, m = cost.shape  # n <= m
    u, v = np.zeros(n + 1), np.zeros(m + 1)
    p, way = np.zeros(m + 1, dtype=int), np.zeros(m + 1, dtype=int)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = np.full(m + 1, np.inf), np.zeros(m + 1, dtype=bool)
        while True:
            used[j0] = True
            i0 = p[j0]
            cur = cost[i0 - 1] - u[i0] - v[1:]
            free = ~used[1:]
            upd = free & (cur < minv[1:])
            minv[1:][upd], way[1:][upd] = cur[upd], j0
            j1 = int(np.argmin(np.where(free, minv[1:], np.inf))) + 1
            delta = minv[j1]
            u[p[used]] += delta
            v[used] -= delta
            minv[1:][free] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            p[j0] = p[way[j0]]
            j0 = way[j0]
    return [(int(p[j]) - 1, j - 1) for j in range(1, m + 1) if p[j]]


def hungarian_matching(cost):
    n, m = cost.shape
    if n == 0 or m == 0:
        return []
    if n <= m:
        return _min_assignment(-cost)  # best = largest
    return [(r, c) for c, r in _min_assignment(-cost.T)]
