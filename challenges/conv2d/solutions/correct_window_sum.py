"""Correct: np.pad once, then one np.sum(window * kernel) per output pixel."""
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(image, padding)
    kh, kw = kernel.shape
    oh = (padded.shape[0] - kh) // stride + 1
    ow = (padded.shape[1] - kw) // stride + 1
    out = np.empty((oh, ow))
    for i in range(oh):
        for j in range(ow):
            y, x = i * stride, j * stride
            out[i, j] = np.sum(padded[y:y + kh, x:x + kw] * kernel)
    return out
