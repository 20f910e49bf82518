"""Wrong: a sign slip in the second equation of each correspondence (+v x, +v y instead of
-v x, -v y)."""
# expect: wrong_answer
import numpy as np


def homography(src, dst):
    a, b = [], []
    for (x, y), (u, v) in zip(src, dst):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, v * x, v * y])
        b += [u, v]
    return np.append(np.linalg.solve(np.array(a, float), np.array(b, float)), 1).reshape(3, 3)
