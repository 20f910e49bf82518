"""Correct: separable passes with sliding windows, a [1, 2, 1] smoothing and a [-1, 0, 1]
difference per axis, on an image extended by one reflected pixel on each side."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _along(image, taps, axis):
    extended = np.concatenate([image.take([0], axis), image, image.take([-1], axis)], axis)
    windows = sliding_window_view(extended, 3, axis=axis)
    return windows @ np.asarray(taps, dtype=float)


def sobel_magnitude(image):
    gx = _along(_along(image, [-1, 0, 1], 1), [1, 2, 1], 0)
    gy = _along(_along(image, [1, 2, 1], 1), [-1, 0, 1], 0)
    return np.sqrt(gx * gx + gy * gy)
