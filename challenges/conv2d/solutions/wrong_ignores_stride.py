"""Wrong: ignores the stride and always returns the dense stride-1 output."""
# expect: wrong_answer
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = np.pad(image, padding)
    out = np.zeros((h + 2 * padding - kh + 1, w + 2 * padding - kw + 1))
    for r in range(out.shape[0]):
        for c in range(out.shape[1]):
            out[r, c] = np.sum(padded[r:r + kh, c:c + kw] * kernel)
    return out
