"""Wrong: the textbook shortcut 255 * c(v) / n without subtracting h_min, so the darkest
level does not map to 0."""
# expect: wrong_answer
import numpy as np


def equalize_histogram(image):
    n = image.size
    cdf = np.bincount(image.ravel(), minlength=256).cumsum()
    if cdf[image.min()] == n:
        return image
    return ((510 * cdf + n) // (2 * n))[image]
