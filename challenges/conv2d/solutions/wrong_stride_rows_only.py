"""Wrong: applies the stride to rows but slides across columns one pixel at a time."""
# expect: wrong_answer
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = np.pad(image, padding)
    oh = (h + 2 * padding - kh) // stride + 1
    ow = w + 2 * padding - kw + 1
    out = np.zeros((oh, ow))
    for r in range(oh):
        for c in range(ow):
            out[r, c] = np.sum(padded[r * stride:r * stride + kh, c:c + kw] * kernel)
    return out
