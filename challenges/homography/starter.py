import numpy as np


def homography(src, dst):
    """The 3 x 3 homography H with H[2, 2] = 1 that maps each src point onto its dst point.

    src, dst: float64 arrays of shape (4, 2), one (x, y) point per row; H maps
    (x, y, 1) to a multiple of (u, v, 1).
    Returns a 3 x 3 array (or nested list).
    """
    # Replace this placeholder with your implementation.
    return np.eye(3)
