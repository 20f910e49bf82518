"""Wrong: pads by repeating the border pixels instead of with zeros."""
# expect: wrong_answer
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image, padding, mode="edge")
    windows = sliding_window_view(padded, kernel.shape)[::stride, ::stride]
    return np.einsum("ijkl,kl->ij", windows, kernel)
