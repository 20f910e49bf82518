"""Correct: the 8 x 8 system with h33 = 1, solved in plain Python by Gaussian elimination with
partial pivoting."""


def homography(src, dst):
    rows = []
    for (x, y), (u, v) in zip(src.tolist(), dst.tolist()):
        rows.append([x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u])
        rows.append([0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v])
    n = 8
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(col + 1, n):
            factor = rows[r][col] / rows[col][col]
            for c in range(col, n + 1):
                rows[r][c] -= factor * rows[col][c]
    h = [0.0] * n
    for r in range(n - 1, -1, -1):
        h[r] = (rows[r][n] - sum(rows[r][c] * h[c] for c in range(r + 1, n))) / rows[r][r]
    return [h[0:3], h[3:6], [h[6], h[7], 1.0]]
