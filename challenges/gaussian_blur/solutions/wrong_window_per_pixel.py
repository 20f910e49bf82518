"""Too slow: reuses a 2-D convolution that sums window * kernel for every pixel, with the
full (2r + 1) x (2r + 1) kernel: O(r^2) work per pixel, and a Python loop over pixels."""
# expect: time_limit_exceeded
import numpy as np


def gaussian_blur(image, sigma):
    r = int(4 * sigma + 0.5)
    k = np.arange(-r, r + 1)
    w = np.exp(-k ** 2 / (2 * sigma ** 2))
    kernel = np.outer(w, w) / w.sum() ** 2
    h, wd = image.shape
    p = np.pad(image, r, mode="symmetric")
    out = np.empty((h, wd))
    for i in range(h):
        for j in range(wd):
            out[i, j] = np.sum(p[i:i + 2 * r + 1, j:j + 2 * r + 1] * kernel)
    return out
