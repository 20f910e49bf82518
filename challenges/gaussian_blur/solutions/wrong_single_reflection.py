"""Wrong: reflects once by slicing, which is fine until the radius exceeds the image size;
then the slices are too short and the result loses pixels."""
# expect: wrong_answer
import numpy as np


def _blur_line(line, w, r):
    padded = np.concatenate([line[:r][::-1], line, line[::-1][:r]])
    return np.convolve(padded, w, mode="valid")


def gaussian_blur(image, sigma):
    r = int(4 * sigma + 0.5)
    k = np.arange(-r, r + 1)
    w = np.exp(-k ** 2 / (2 * sigma ** 2))
    w /= w.sum()
    rows = np.array([_blur_line(row, w, r) for row in image])
    return np.array([_blur_line(col, w, r) for col in rows.T]).T
