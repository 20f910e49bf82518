"""Wrong: truncates the kernel at 3 sigma (the common rule of thumb) instead of
int(4 * sigma + 0.5)."""
# expect: wrong_answer
import math

import numpy as np


def gaussian_blur(image, sigma):
    r = math.ceil(3 * sigma)
    k = np.arange(-r, r + 1)
    w = np.exp(-k ** 2 / (2 * sigma ** 2))
    w /= w.sum()
    h, wd = image.shape
    p = np.pad(image, r, mode="symmetric")
    tmp = sum(w[t] * p[t:t + h] for t in range(2 * r + 1))
    return sum(w[t] * tmp[:, t:t + wd] for t in range(2 * r + 1))
