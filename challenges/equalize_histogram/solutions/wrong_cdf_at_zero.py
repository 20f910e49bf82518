"""Wrong: subtracts cdf[0] (the count at grey level 0) as if level 0 were always present."""
# expect: wrong_answer
import numpy as np


def equalize_histogram(image):
    n = image.size
    cdf = np.bincount(image.ravel(), minlength=256).cumsum()
    h_min = cdf[0]
    if cdf[image.min()] == n:
        return image
    return ((510 * (cdf - h_min) + (n - h_min)) // (2 * (n - h_min)))[image]
