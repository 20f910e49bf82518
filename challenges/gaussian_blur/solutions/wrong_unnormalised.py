"""Wrong: uses the continuous density's factor 1 / (sqrt(2 pi) sigma) instead of dividing by
the sum of the truncated, sampled weights."""
# expect: wrong_answer
import numpy as np


def gaussian_blur(image, sigma):
    r = int(4 * sigma + 0.5)
    k = np.arange(-r, r + 1)
    w = np.exp(-k ** 2 / (2 * sigma ** 2)) / (np.sqrt(2 * np.pi) * sigma)
    h, wd = image.shape
    p = np.pad(image, r, mode="symmetric")
    tmp = sum(w[t] * p[t:t + h] for t in range(2 * r + 1))
    return sum(w[t] * tmp[:, t:t + wd] for t in range(2 * r + 1))
