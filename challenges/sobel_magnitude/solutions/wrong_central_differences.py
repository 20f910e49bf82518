"""Wrong: np.gradient's central differences (right - left) / 2 without the Sobel smoothing."""
# expect: wrong_answer
import numpy as np


def sobel_magnitude(image):
    if min(image.shape) < 2:
        return np.zeros(image.shape)
    gy, gx = np.gradient(image)
    return np.hypot(gx, gy)
