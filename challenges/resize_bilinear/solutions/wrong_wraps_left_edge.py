"""Wrong: forgets to clamp negative positions at 0, so floor gives -1 and numpy's negative
index silently blends in the pixel from the opposite edge."""
# expect: wrong_answer
import numpy as np


def _positions(n_in, n_out):
    p = (np.arange(n_out) + 0.5) * n_in / n_out - 0.5
    i0 = np.floor(p).astype(int)
    i1 = np.minimum(i0 + 1, n_in - 1)
    return i0, i1, p - i0


def resize_bilinear(image, out_height, out_width):
    y0, y1, fy = _positions(image.shape[0], out_height)
    x0, x1, fx = _positions(image.shape[1], out_width)
    rows = image[y0] * (1 - fy)[:, None] + image[y1] * fy[:, None]
    return rows[:, x0] * (1 - fx) + rows[:, x1] * fx
