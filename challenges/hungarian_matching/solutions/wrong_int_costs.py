"""Converts the costs to integers first, so fractional parts are lost."""
# expect: wrong_answer


def _solve(rows, inf=float("inf")):
    n, m = len(rows), len(rows[0])
    u, v, p, way = [0.0] * (n + 1), [0.0] * (m + 1), [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = rows[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
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
    cost = cost.astype(int)
    rows = cost.tolist()
    if not rows or not rows[0]:
        return []
    if len(rows) <= len(rows[0]):
        return _solve(rows)
    return [(r, c) for c, r in _solve([list(col) for col in zip(*rows)])]
