import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    """Slide `kernel` over the zero-padded `image` and return the 2-D map of window sums.

    image: float64 array of shape (H, W); kernel: float64 array of shape (kH, kW).
    stride: int >= 1, step between neighbouring windows in both directions.
    padding: int >= 0, rows/columns of zeros added on every side before sliding.
    Returns an array (or nested list) of shape
    ((H + 2*padding - kH) // stride + 1, (W + 2*padding - kW) // stride + 1).
    """
    # Replace this placeholder with your implementation.
    return np.zeros((1, 1))
