"""Wrong: solves for the entries correctly but fills the matrix column by column (the
row-vector convention p' = p H), so the answer is H transposed."""
# expect: wrong_answer
import numpy as np


def homography(src, dst):
    a, b = [], []
    for (x, y), (u, v) in zip(src, dst):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    h = np.append(np.linalg.solve(np.array(a, float), np.array(b, float)), 1)
    return h.reshape(3, 3, order="F")
