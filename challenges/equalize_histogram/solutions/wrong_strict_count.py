"""Wrong: counts the pixels strictly darker than v (an exclusive cumulative sum)."""
# expect: wrong_answer
import numpy as np


def equalize_histogram(image):
    n = image.size
    counts = np.bincount(image.ravel(), minlength=256)
    below = np.cumsum(counts) - counts
    h_min = below[image.max()]
    if counts[image.min()] == n:
        return image
    lut = (510 * below + h_min) // (2 * h_min)
    return lut[image]
