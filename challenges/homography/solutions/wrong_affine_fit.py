"""Wrong: fits an affine map (last row 0, 0, 1) to the four correspondences by least
squares, which cannot express perspective."""
# expect: wrong_answer
import numpy as np


def homography(src, dst):
    a = np.column_stack([src, np.ones(4)])
    top, *_ = np.linalg.lstsq(a, dst, rcond=None)
    return np.vstack([top.T, [0.0, 0.0, 1.0]])
