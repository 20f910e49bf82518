"""Wrong: repeats the border pixel outwards ("nearest", np.pad mode="edge") instead of
reflecting."""
# expect: wrong_answer
import numpy as np


def gaussian_blur(image, sigma):
    r = int(4 * sigma + 0.5)
    k = np.arange(-r, r + 1)
    w = np.exp(-k ** 2 / (2 * sigma ** 2))
    w /= w.sum()
    h, wd = image.shape
    p = np.pad(image, r, mode="edge")
    tmp = sum(w[t] * p[t:t + h] for t in range(2 * r + 1))
    return sum(w[t] * tmp[:, t:t + wd] for t in range(2 * r + 1))
