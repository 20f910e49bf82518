"""Reference assignment: shortest augmenting paths with row and column potentials.

One row is added at a time; a Dijkstra-like search over the columns (on reduced costs,
which the potentials keep non-negative) finds the cheapest way to make room for it. With
n <= m rows and columns this is O(n^2 m); the inner step is vectorised over the columns.
"""
import numpy as np


def _assign_rows(cost):
    """Column of each row for an (n, m) matrix with n <= m."""
    n, m = cost.shape
    u = np.zeros(n + 1)  # row potentials; row i of the matrix is 1 + i, 0 is unused
    v = np.zeros(m + 1)  # column potentials; column 0 is a virtual start column
    owner = np.zeros(m + 1, dtype=np.int64)  # owner[j]: row (1-based) holding column j, 0 if free
    way = np.zeros(m + 1, dtype=np.int64)  # previous column on the shortest path
    for row in range(1, n + 1):
        owner[0] = row
        column = 0
        shortest = np.full(m + 1, np.inf)
        used = np.zeros(m + 1, dtype=bool)
        while owner[column] != 0:  # until the path reaches a free column
            used[column] = True
            current = owner[column]
            free = ~used[1:]
            reduced = cost[current - 1] - u[current] - v[1:]
            better = free & (reduced < shortest[1:])
            shortest[1:][better] = reduced[better]
            way[1:][better] = column
            candidates = np.where(free, shortest[1:], np.inf)
            nearest = int(np.argmin(candidates)) + 1
            delta = candidates[nearest - 1]
            u[owner[used]] += delta
            v[used] -= delta
            shortest[1:][free] -= delta
            column = nearest
        while column:  # flip the path: each column passes to the row before it
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    return {int(owner[j]) - 1: j - 1 for j in range(1, m + 1) if owner[j]}


def hungarian_matching(cost):
    cost = np.asarray(cost, dtype=np.float64)
    n, m = cost.shape
    if n == 0 or m == 0:
        return []
    if n <= m:
        return sorted(_assign_rows(cost).items())
    return sorted((r, c) for c, r in _assign_rows(cost.T).items())
