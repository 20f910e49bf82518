"""Correct: loop over rows, then over columns, convolving each reflected line with
np.convolve (the kernel is symmetric, so convolution and correlation agree)."""
import numpy as np


def _kernel(sigma):
    r = int(4 * sigma + 0.5)
    k = np.arange(-r, r + 1)
    w = np.exp(-k ** 2 / (2 * sigma ** 2))
    return w / np.sum(w), r


def _reflect(n, r):
    idx = np.arange(-r, n + r) % (2 * n)
    return np.where(idx >= n, 2 * n - 1 - idx, idx)


def gaussian_blur(image, sigma):
    w, r = _kernel(sigma)
    h, wd = image.shape
    cols, rows = _reflect(wd, r), _reflect(h, r)
    tmp = np.empty((h, wd))
    for i in range(h):
        tmp[i] = np.convolve(image[i, cols], w, mode="valid")
    out = np.empty((h, wd))
    for j in range(wd):
        out[:, j] = np.convolve(tmp[rows, j], w, mode="valid")
    return out
