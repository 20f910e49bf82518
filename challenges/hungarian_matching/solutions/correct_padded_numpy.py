"""Pad to a square with zero-cost dummy rows or columns, solve the square problem with a
vectorised Dijkstra over the columns, then drop the pairs that touch a dummy."""
import numpy as np


def hungarian_matching(cost):
    n, m = cost.shape
    if n == 0 or m == 0:
        return []
    size = max(n, m)
    square = np.zeros((size, size))
    square[:n, :m] = cost
    row_pot = np.zeros(size)
    col_pot = np.zeros(size)
    col_owner = np.full(size, -1)
    for start in range(size):
        dist = square[start] - row_pot[start] - col_pot
        parent = np.full(size, start)  # row that reaches each column on the best path
        done = np.zeros(size, dtype=bool)
        while True:
            j = int(np.argmin(np.where(done, np.inf, dist)))
            done[j] = True
            if col_owner[j] < 0:
                break
            i = col_owner[j]
            through = dist[j] + square[i] - row_pot[i] - col_pot
            closer = ~done & (through < dist)
            dist[closer] = through[closer]
            parent[closer] = i
        reached = dist[j]
        # Potentials: every finished column (and its row) moves by how much less than
        # `reached` it cost to get there, which keeps reduced costs non-negative.
        row_pot[start] += reached
        for k in np.flatnonzero(done):
            if k != j:
                row_pot[col_owner[k]] += reached - dist[k]
                col_pot[k] -= reached - dist[k]
        while True:  # augment along parents
            i = parent[j]
            previous = np.flatnonzero(col_owner == i)
            col_owner[j] = i
            if i == start:
                break
            j = int(previous[0])
    return [(int(r), int(c)) for c, r in enumerate(col_owner) if r < n and c < m]
