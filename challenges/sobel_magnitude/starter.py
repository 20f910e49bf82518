import numpy as np


def sobel_magnitude(image):
    """Gradient magnitude sqrt(gx**2 + gy**2) of a grey image with the 3 x 3 Sobel kernels.

    image: float64 array of shape (H, W), H, W >= 1. Borders reflect (b a | a b c).
    Returns an array (or nested list) of the same shape.
    """
    # Replace this placeholder with your implementation.
    return np.zeros(np.shape(image))
