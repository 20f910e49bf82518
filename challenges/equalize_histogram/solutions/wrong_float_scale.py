"""Wrong: rounds half up with floor(x + 0.5), but multiplies by a precomputed float scale
255 / (n - h_min), which is inexact: some exact halves come out as 127.49999999999999 and
round down."""
# expect: wrong_answer
import numpy as np


def equalize_histogram(image):
    n = image.size
    cdf = np.bincount(image.ravel(), minlength=256).cumsum()
    h_min = cdf[image.min()]
    if h_min == n:
        return image
    scale = 255.0 / (n - h_min)
    return np.floor((cdf - h_min) * scale + 0.5).astype(np.int64)[image]
