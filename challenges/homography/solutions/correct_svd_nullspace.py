"""Correct: the null vector of the 8 x 9 DLT matrix from numpy's SVD, divided by its last
entry."""
import numpy as np


def homography(src, dst):
    a = []
    for (x, y), (u, v) in zip(src, dst):
        a.append([-x, -y, -1, 0, 0, 0, u * x, u * y, u])
        a.append([0, 0, 0, -x, -y, -1, v * x, v * y, v])
    h = np.linalg.svd(np.asarray(a, dtype=float))[2][-1]
    return (h / h[-1]).reshape(3, 3)
