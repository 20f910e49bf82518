"""Wrong: np.convolve(..., mode="same") pads with zeros, darkening the borders."""
# expect: wrong_answer
import numpy as np


def gaussian_blur(image, sigma):
    r = int(4 * sigma + 0.5)
    k = np.arange(-r, r + 1)
    w = np.exp(-k ** 2 / (2 * sigma ** 2))
    w /= w.sum()
    if 2 * r + 1 > max(image.shape):  # "same" would return the kernel's length
        image = np.pad(image, r)[r:-r or None]
    rows = np.array([np.convolve(row, w, mode="same")[:image.shape[1]] for row in image])
    return np.array([np.convolve(col, w, mode="same")[:image.shape[0]] for col in rows.T]).T
