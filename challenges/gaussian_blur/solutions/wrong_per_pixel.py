"""Too slow: both passes loop over every pixel in Python, one dot product each."""
# expect: time_limit_exceeded
import numpy as np


def gaussian_blur(image, sigma):
    r = int(4 * sigma + 0.5)
    k = np.arange(-r, r + 1)
    w = np.exp(-k ** 2 / (2 * sigma ** 2))
    w /= w.sum()
    h, wd = image.shape
    p = np.pad(image, ((0, 0), (r, r)), mode="symmetric")
    tmp = np.empty((h, wd))
    for i in range(h):
        for j in range(wd):
            tmp[i, j] = np.dot(p[i, j:j + 2 * r + 1], w)
    p = np.pad(tmp, ((r, r), (0, 0)), mode="symmetric")
    out = np.empty((h, wd))
    for i in range(h):
        for j in range(wd):
            out[i, j] = np.dot(p[i:i + 2 * r + 1, j], w)
    return out
