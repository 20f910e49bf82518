"""Correct: build the 8 x 8 system A h = b with numpy and call np.linalg.solve."""
import numpy as np


def homography(src, dst):
    x, y = src[:, 0], src[:, 1]
    u, v = dst[:, 0], dst[:, 1]
    zero, one = np.zeros(4), np.ones(4)
    a = np.empty((8, 8))
    a[0::2] = np.column_stack([x, y, one, zero, zero, zero, -u * x, -u * y])
    a[1::2] = np.column_stack([zero, zero, zero, x, y, one, -v * x, -v * y])
    b = np.empty(8)
    b[0::2], b[1::2] = u, v
    return np.append(np.linalg.solve(a, b), 1.0).reshape(3, 3)
