"""Wrong: reads the src points as (row, column) = (y, x) but the dst points as (x, y), so H
expects its input coordinates swapped."""
# expect: wrong_answer
import numpy as np


def homography(src, dst):
    a, b = [], []
    for (y, x), (u, v) in zip(src, dst):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return np.append(np.linalg.solve(np.array(a, float), np.array(b, float)), 1).reshape(3, 3)
