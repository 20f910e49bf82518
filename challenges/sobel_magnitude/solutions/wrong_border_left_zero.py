"""Wrong: computes only the pixels whose 3 x 3 neighbourhood lies inside the image and
leaves the outermost rows and columns at 0."""
# expect: wrong_answer
import numpy as np


def sobel_magnitude(image):
    out = np.zeros(image.shape)
    if min(image.shape) < 3:
        return out
    p = image
    gx = (p[:-2, 2:] - p[:-2, :-2]) + 2 * (p[1:-1, 2:] - p[1:-1, :-2]) + (p[2:, 2:] - p[2:, :-2])
    gy = (p[2:, :-2] + 2 * p[2:, 1:-1] + p[2:, 2:]) - (p[:-2, :-2] + 2 * p[:-2, 1:-1] + p[:-2, 2:])
    out[1:-1, 1:-1] = np.sqrt(gx ** 2 + gy ** 2)
    return out
