"""Wrong: truncates 255 * (c - h_min) / (n - h_min) with astype(int) instead of rounding."""
# expect: wrong_answer
import numpy as np


def equalize_histogram(image):
    n = image.size
    cdf = np.bincount(image.ravel(), minlength=256).cumsum()
    h_min = cdf[image.min()]
    if h_min == n:
        return image
    return (255 * (cdf - h_min) / (n - h_min)).astype(np.int64)[image]
