"""Correct: Heckbert's closed form for the map from the unit square to any quadrilateral,
applied to both point sets; H = S_dst @ inv(S_src), scaled so that H[2, 2] = 1."""
import numpy as np


def _from_square(p):
    """The homography taking (0,0), (1,0), (1,1), (0,1) to the four points p."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = p
    sx, sy = x0 - x1 + x2 - x3, y0 - y1 + y2 - y3
    dx1, dx2, dy1, dy2 = x1 - x2, x3 - x2, y1 - y2, y3 - y2
    det = dx1 * dy2 - dx2 * dy1
    g = (sx * dy2 - dx2 * sy) / det
    h = (dx1 * sy - sx * dy1) / det
    return np.array([[x1 - x0 + g * x1, x3 - x0 + h * x3, x0],
                     [y1 - y0 + g * y1, y3 - y0 + h * y3, y0],
                     [g, h, 1.0]])


def homography(src, dst):
    m = _from_square(dst) @ np.linalg.inv(_from_square(src))
    return m / m[2, 2]
