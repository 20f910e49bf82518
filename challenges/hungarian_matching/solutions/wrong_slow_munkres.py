"""The textbook Munkres steps (star zeros, cover columns, prime, alternate, adjust), each
step rescanning the whole matrix: correct, but O(n^4) instead of O(n^3)."""
# expect: time_limit_exceeded


def hungarian_matching(cost):
    n, m = cost.shape
    if n == 0 or m == 0:
        return []
    transposed = n > m
    rows = (cost.T if transposed else cost).tolist()
    n, m = len(rows), len(rows[0])
    k = max(n, m)
    c = [rows[i] + [0.0] * (k - m) if i < n else [0.0] * k for i in range(k)]
    for row in c:  # step 1: subtract each row's minimum
        low = min(row)
        for j in range(k):
            row[j] -= low
    starred = [[False] * k for _ in range(k)]
    primed = [[False] * k for _ in range(k)]
    row_cover, col_cover = [False] * k, [False] * k
    for i in range(k):  # step 2: star independent zeros
        for j in range(k):
            if c[i][j] == 0 and not row_cover[i] and not col_cover[j]:
                starred[i][j] = True
                row_cover[i] = col_cover[j] = True
    row_cover, col_cover = [False] * k, [False] * k
    while True:
        for j in range(k):  # step 3: cover columns holding a starred zero
            col_cover[j] = any(starred[i][j] for i in range(k))
        if sum(col_cover) == k:
            break
        while True:
            spot = None  # step 4: find an uncovered zero
            for i in range(k):
                for j in range(k):
                    if c[i][j] == 0 and not row_cover[i] and not col_cover[j]:
                        spot = (i, j)
                        break
                if spot:
                    break
            if spot is None:  # step 6: adjust by the smallest uncovered value
                low = min(c[i][j] for i in range(k) for j in range(k)
                          if not row_cover[i] and not col_cover[j])
                for i in range(k):
                    for j in range(k):
                        if row_cover[i]:
                            c[i][j] += low
                        if not col_cover[j]:
                            c[i][j] -= low
                continue
            i, j = spot
            primed[i][j] = True
            star_col = next((jj for jj in range(k) if starred[i][jj]), None)
            if star_col is not None:
                row_cover[i] = True
                col_cover[star_col] = False
                continue
            path = [(i, j)]  # step 5: alternate primes and stars
            while True:
                star_row = next((ii for ii in range(k) if starred[ii][path[-1][1]]), None)
                if star_row is None:
                    break
                path.append((star_row, path[-1][1]))
                prime_col = next(jj for jj in range(k) if primed[star_row][jj])
                path.append((star_row, prime_col))
            for pi, pj in path:
                starred[pi][pj] = not starred[pi][pj]
            primed = [[False] * k for _ in range(k)]
            row_cover, col_cover = [False] * k, [False] * k
            break
    pairs = [(i, j) for i in range(n) for j in range(m) if starred[i][j]]
    return [(j, i) for i, j in pairs] if transposed else pairs
