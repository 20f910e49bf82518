"""Wrong: assumes a square kernel and takes its size from the first dimension only."""
# expect: wrong_answer
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    k = kernel.shape[0]
    h, w = image.shape
    padded = np.pad(image, padding)
    oh = (h + 2 * padding - k) // stride + 1
    ow = (w + 2 * padding - k) // stride + 1
    out = np.zeros((oh, ow))
    for r in range(oh):
        for c in range(ow):
            window = padded[r * stride:r * stride + k, c * stride:c * stride + k]
            out[r, c] = np.sum(window[:kernel.shape[0], :kernel.shape[1]] * kernel[:, :window.shape[1]])
    return out
