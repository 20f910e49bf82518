"""Wrong: returns the SVD's unit-length null vector as it is, without scaling it so that
H[2, 2] = 1."""
# expect: wrong_answer
import numpy as np


def homography(src, dst):
    a = []
    for (x, y), (u, v) in zip(src, dst):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y, -u])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y, -v])
    return np.linalg.svd(np.array(a, float))[2][-1].reshape(3, 3)
