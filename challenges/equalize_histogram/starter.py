import numpy as np


def equalize_histogram(image):
    """Spread the grey levels of an 8-bit image so its cumulative histogram becomes linear.

    image: int64 array of shape (H, W), H, W >= 1, values in 0..255.
    Returns an integer array (or nested list) of the same shape, values in 0..255.
    """
    # Replace this placeholder with your implementation.
    return np.array(image)
