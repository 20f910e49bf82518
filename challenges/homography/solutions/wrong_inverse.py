"""Wrong: swaps the roles of the point sets and returns the map from dst to src."""
# expect: wrong_answer
import numpy as np


def homography(src, dst):
    a, b = [], []
    for (u, v), (x, y) in zip(src, dst):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return np.append(np.linalg.solve(np.array(a, float), np.array(b, float)), 1).reshape(3, 3)
