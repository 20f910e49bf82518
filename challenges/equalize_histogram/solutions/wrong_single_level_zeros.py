"""Wrong: guards the division by zero for a single-level image by returning zeros instead of
the image unchanged."""
# expect: wrong_answer
import numpy as np


def equalize_histogram(image):
    n = image.size
    cdf = np.bincount(image.ravel(), minlength=256).cumsum()
    h_min = cdf[image.min()]
    if h_min == n:
        return np.zeros_like(image)
    return ((510 * (cdf - h_min) + (n - h_min)) // (2 * (n - h_min)))[image]
