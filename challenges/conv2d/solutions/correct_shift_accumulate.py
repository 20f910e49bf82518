"""Correct: loop over kernel taps, adding a strided shifted slice of the padded image each time."""
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = np.pad(np.asarray(image, dtype=float), ((padding, padding), (padding, padding)))
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = np.zeros((oh, ow))
    for a in range(kh):
        for b in range(kw):
            out += kernel[a, b] * padded[a:a + (oh - 1) * stride + 1:stride,
                                         b:b + (ow - 1) * stride + 1:stride]
    return out
