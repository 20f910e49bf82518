"""Wrong: np.histogram(image, 256) without range=(0, 256) spreads the 256 bins between the
image's own minimum and maximum, but the cumulative counts are then looked up by grey level
as if bin v held level v."""
# expect: wrong_answer
import numpy as np


def equalize_histogram(image):
    if image.min() == image.max():
        return image
    hist, _ = np.histogram(image.ravel(), 256)
    cdf = hist.cumsum()
    n, h_min = image.size, cdf[cdf > 0][0]
    lut = (510 * (cdf - h_min) + (n - h_min)) // (2 * (n - h_min))
    return lut[image]
