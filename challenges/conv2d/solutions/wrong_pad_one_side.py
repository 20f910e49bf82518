"""Wrong: puts all 2*padding zeros after the image (bottom/right) instead of p on every side."""
# expect: wrong_answer
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image, ((0, 2 * padding), (0, 2 * padding)))
    windows = sliding_window_view(padded, kernel.shape)[::stride, ::stride]
    return np.einsum("ijkl,kl->ij", windows, kernel)
