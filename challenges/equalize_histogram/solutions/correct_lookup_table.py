"""Correct: bincount, cumsum and an integer look-up table applied by fancy indexing."""
import numpy as np


def equalize_histogram(image):
    n = image.size
    cdf = np.bincount(image.ravel(), minlength=256).cumsum()
    h_min = cdf[image.min()]
    if h_min == n:
        return image
    lut = (510 * (cdf - h_min) + (n - h_min)) // (2 * (n - h_min))
    return lut[image]
