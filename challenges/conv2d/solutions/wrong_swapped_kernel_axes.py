"""Wrong: unpacks the kernel shape as (width, height), i.e. uses the transposed kernel."""
# expect: wrong_answer
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    kw, kh = kernel.shape
    k = kernel.T
    h, w = image.shape
    padded = np.pad(image, padding)
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = np.zeros((oh, ow))
    for r in range(oh):
        for c in range(ow):
            out[r, c] = np.sum(padded[r * stride:r * stride + kh, c * stride:c * stride + kw] * k)
    return out
