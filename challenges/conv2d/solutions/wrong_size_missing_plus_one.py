"""Wrong: output size (H + 2p - kH) // s without the +1, so the last window is dropped."""
# expect: wrong_answer
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = np.pad(image, padding)
    oh = max((h + 2 * padding - kh) // stride, 1)
    ow = max((w + 2 * padding - kw) // stride, 1)
    out = np.zeros((oh, ow))
    for r in range(oh):
        for c in range(ow):
            out[r, c] = np.sum(padded[r * stride:r * stride + kh, c * stride:c * stride + kw] * kernel)
    return out
