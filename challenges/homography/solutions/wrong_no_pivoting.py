"""Wrong: Gaussian elimination without row exchanges divides by a zero pivot as soon as the
first src point has x = 0 (the unit square, image corners)."""
# expect: runtime_error


def homography(src, dst):
    m = []
    for (x, y), (u, v) in zip(src.tolist(), dst.tolist()):
        m.append([x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u])
        m.append([0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v])
    for col in range(8):
        for r in range(col + 1, 8):
            f = m[r][col] / m[col][col]
            m[r] = [a - f * b for a, b in zip(m[r], m[col])]
    h = [0.0] * 8
    for r in range(7, -1, -1):
        h[r] = (m[r][8] - sum(m[r][c] * h[c] for c in range(r + 1, 8))) / m[r][r]
    return [h[0:3], h[3:6], [h[6], h[7], 1.0]]
