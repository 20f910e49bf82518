"""Wrong: flips the kernel (true convolution) although the task asks for cross-correlation."""
# expect: wrong_answer
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image, padding)
    windows = sliding_window_view(padded, kernel.shape)[::stride, ::stride]
    return np.einsum("ijkl,kl->ij", windows, kernel[::-1, ::-1])
