"""Wrong: no special case for an image with one grey level, so 255 / (n - h_min) divides by
zero."""
# expect: runtime_error
import numpy as np


def equalize_histogram(image):
    n = image.size
    cdf = np.bincount(image.ravel(), minlength=256).cumsum()
    h_min = int(cdf[image.min()])
    scale = 255 / (n - h_min)
    return np.floor((cdf - h_min) * scale + 0.5).astype(np.int64)[image]
