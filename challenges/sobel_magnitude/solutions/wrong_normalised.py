"""Wrong: divides the kernels by 4 (as scikit-image's sobel_h / sobel_v do), so the magnitude
comes out four times too small."""
# expect: wrong_answer
import numpy as np


def sobel_magnitude(image):
    p = np.pad(image, 1, mode="symmetric")
    gx = (p[:-2, 2:] - p[:-2, :-2]) + 2 * (p[1:-1, 2:] - p[1:-1, :-2]) + (p[2:, 2:] - p[2:, :-2])
    gy = (p[2:, :-2] + 2 * p[2:, 1:-1] + p[2:, 2:]) - (p[:-2, :-2] + 2 * p[:-2, 1:-1] + p[:-2, 2:])
    return np.sqrt((gx / 4) ** 2 + (gy / 4) ** 2)
