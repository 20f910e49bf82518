"""Wrong: np.round rounds exact halves to even (42.5 becomes 42), as OpenCV's equalizeHist
does; the contract rounds them up."""
# expect: wrong_answer
import numpy as np


def equalize_histogram(image):
    n = image.size
    cdf = np.bincount(image.ravel(), minlength=256).cumsum()
    h_min = cdf[image.min()]
    if h_min == n:
        return image
    lut = np.round(255 * (cdf - h_min) / (n - h_min)).astype(np.int64)
    return lut[image]
