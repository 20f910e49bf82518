"""Wrong: np.pad mode="reflect" (OpenCV's BORDER_REFLECT_101) mirrors about the edge pixel,
so the pixel outside the border is the second one in, not the edge pixel itself."""
# expect: wrong_answer
import numpy as np


def sobel_magnitude(image):
    p = np.pad(image, 1, mode="reflect")
    gx = (p[:-2, 2:] - p[:-2, :-2]) + 2 * (p[1:-1, 2:] - p[1:-1, :-2]) + (p[2:, 2:] - p[2:, :-2])
    gy = (p[2:, :-2] + 2 * p[2:, 1:-1] + p[2:, 2:]) - (p[:-2, :-2] + 2 * p[:-2, 1:-1] + p[:-2, 2:])
    return np.sqrt(gx ** 2 + gy ** 2)
