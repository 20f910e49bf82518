"""Correct: nested loops indexing numpy arrays element by element (slow but right)."""
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = np.zeros((h + 2 * padding, w + 2 * padding))
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = np.zeros((oh, ow))
    for r in range(oh):
        for c in range(ow):
            acc = 0.0
            for a in range(kh):
                for b in range(kw):
                    acc += padded[r * stride + a, c * stride + b] * kernel[a, b]
            out[r, c] = acc
    return out
