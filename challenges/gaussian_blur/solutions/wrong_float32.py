"""Wrong: blurs a float32 copy to halve memory traffic; values up to 1e6 lose the digits the
tolerance 1e-9 * max|image| asks for."""
# expect: wrong_answer
import numpy as np


def gaussian_blur(image, sigma):
    image = image.astype(np.float32)
    r = int(4 * sigma + 0.5)
    k = np.arange(-r, r + 1, dtype=np.float32)
    w = np.exp(-k ** 2 / np.float32(2 * sigma ** 2))
    w /= w.sum()
    h, wd = image.shape
    p = np.pad(image, r, mode="symmetric")
    tmp = sum(w[t] * p[t:t + h] for t in range(2 * r + 1))
    return sum(w[t] * tmp[:, t:t + wd] for t in range(2 * r + 1))
