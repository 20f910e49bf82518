"""Plain Python lists: the O(n^2 m) shortest-augmenting-path method with potentials, one
row at a time; a tall matrix is solved transposed and the pairs turned back."""
INF = float("inf")


def _solve(rows):
    n, m = len(rows), len(rows[0])
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)  # p[j]: 1-based row matched to column j, 0 when free
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [INF] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            row = rows[i0 - 1]
            ui0 = u[i0]
            delta, j1 = INF, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = row[j - 1] - ui0 - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return [(p[j] - 1, j - 1) for j in range(1, m + 1) if p[j]]


def hungarian_matching(cost):
    rows = cost.tolist()
    if not rows or not rows[0]:
        return []
    if len(rows) <= len(rows[0]):
        return _solve(rows)
    columns = [list(col) for col in zip(*rows)]
    return [(r, c) for c, r in _solve(columns)]
