"""Wrong: blurs along the rows (axis 1) only and forgets the second pass along axis 0."""
# expect: wrong_answer
import numpy as np


def gaussian_blur(image, sigma):
    r = int(4 * sigma + 0.5)
    k = np.arange(-r, r + 1)
    w = np.exp(-k ** 2 / (2 * sigma ** 2))
    w /= w.sum()
    wd = image.shape[1]
    p = np.pad(image, ((0, 0), (r, r)), mode="symmetric")
    return sum(w[t] * p[:, t:t + wd] for t in range(2 * r + 1))
