"""Wrong: takes the column scale from the heights and the row scale from the widths."""
# expect: wrong_answer
import numpy as np


def _positions(scale, n_in, n_out):
    p = np.maximum((np.arange(n_out) + 0.5) * scale - 0.5, 0.0)
    p = np.minimum(p, n_in - 1)
    i0 = np.floor(p).astype(int)
    i1 = np.minimum(i0 + 1, n_in - 1)
    return i0, i1, p - i0


def resize_bilinear(image, out_height, out_width):
    h, w = image.shape
    y0, y1, fy = _positions(w / out_width, h, out_height)
    x0, x1, fx = _positions(h / out_height, w, out_width)
    rows = image[y0] * (1 - fy)[:, None] + image[y1] * fy[:, None]
    return rows[:, x0] * (1 - fx) + rows[:, x1] * fx
