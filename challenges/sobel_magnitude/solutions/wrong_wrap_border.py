"""Wrong: shifts with np.roll, so the neighbour past one border is the pixel at the opposite
border (wrap-around)."""
# expect: wrong_answer
import numpy as np


def sobel_magnitude(image):
    def at(dy, dx):
        return np.roll(np.roll(image, -dy, axis=0), -dx, axis=1)

    gx = (at(-1, 1) - at(-1, -1)) + 2 * (at(0, 1) - at(0, -1)) + (at(1, 1) - at(1, -1))
    gy = (at(1, -1) + 2 * at(1, 0) + at(1, 1)) - (at(-1, -1) + 2 * at(-1, 0) + at(-1, 1))
    return np.sqrt(gx ** 2 + gy ** 2)
