"""Row by row, each row takes the cheapest column still free: greedy in row order."""
# expect: wrong_answer


def hungarian_matching(cost):
    n, m = cost.shape
    transposed = n > m
    rows = (cost.T if transposed else cost).tolist()
    free = set(range(len(rows[0]))) if rows else set()
    pairs = []
    for r, row in enumerate(rows):
        c = min(free, key=lambda j: (row[j], j))
        free.remove(c)
        pairs.append((c, r) if transposed else (r, c))
    return pairs
