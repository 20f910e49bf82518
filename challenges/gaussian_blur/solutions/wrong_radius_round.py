"""Wrong: radius round(4 * sigma), which rounds exact halves to even (round(2.5) == 2), so
sigma = 0.625 gets radius 2 instead of int(3.0) = 3."""
# expect: wrong_answer
import numpy as np


def gaussian_blur(image, sigma):
    r = round(4 * sigma)
    k = np.arange(-r, r + 1)
    w = np.exp(-k ** 2 / (2 * sigma ** 2))
    w /= w.sum()
    h, wd = image.shape
    p = np.pad(image, r, mode="symmetric")
    tmp = sum(w[t] * p[t:t + h] for t in range(2 * r + 1))
    return sum(w[t] * tmp[:, t:t + wd] for t in range(2 * r + 1))
