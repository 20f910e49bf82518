"""Too slow: Cramer's rule with determinants by cofactor expansion, O(n!) per determinant:
nine 8 x 8 determinants of 40,320 products each, where elimination needs about 200 steps."""
# expect: time_limit_exceeded


def _det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0.0
    for c, value in enumerate(m[0]):
        minor = [row[:c] + row[c + 1:] for row in m[1:]]
        total += (-1) ** c * value * _det(minor)
    return total


def homography(src, dst):
    a, b = [], []
    for (x, y), (u, v) in zip(src.tolist(), dst.tolist()):
        a.append([x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y])
        a.append([0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y])
        b += [u, v]
    d = _det(a)
    h = []
    for k in range(8):
        replaced = [row[:k] + [b[r]] + row[k + 1:] for r, row in enumerate(a)]
        h.append(_det(replaced) / d)
    return [h[0:3], h[3:6], [h[6], h[7], 1.0]]
