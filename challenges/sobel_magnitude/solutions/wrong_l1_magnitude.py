"""Wrong: the cheap approximation |gx| + |gy| instead of sqrt(gx^2 + gy^2)."""
# expect: wrong_answer
import numpy as np


def sobel_magnitude(image):
    p = np.pad(image, 1, mode="edge")
    gx = (p[:-2, 2:] - p[:-2, :-2]) + 2 * (p[1:-1, 2:] - p[1:-1, :-2]) + (p[2:, 2:] - p[2:, :-2])
    gy = (p[2:, :-2] + 2 * p[2:, 1:-1] + p[2:, 2:]) - (p[:-2, :-2] + 2 * p[:-2, 1:-1] + p[:-2, 2:])
    return np.abs(gx) + np.abs(gy)
