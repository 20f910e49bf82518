"""Wrong (too slow): rebuilds the padded image inside the per-pixel loop, O(H*W) work per pixel."""
# expect: time_limit_exceeded
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = np.zeros((oh, ow))
    for r in range(oh):
        for c in range(ow):
            padded = np.pad(image, padding)
            window = padded[r * stride:r * stride + kh, c * stride:c * stride + kw]
            out[r, c] = np.sum(window * kernel)
    return out
