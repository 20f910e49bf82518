"""Wrong: takes the eigenvector of A^T A with the smallest eigenvalue; squaring the system's
condition number loses most digits at pixel-sized coordinates."""
# expect: wrong_answer
import numpy as np


def homography(src, dst):
    a = []
    for (x, y), (u, v) in zip(src, dst):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y, -u])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y, -v])
    a = np.array(a, float)
    _, vectors = np.linalg.eigh(a.T @ a)
    h = vectors[:, 0]
    return (h / h[-1]).reshape(3, 3)
