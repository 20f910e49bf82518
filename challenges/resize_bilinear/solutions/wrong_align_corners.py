"""Wrong: align_corners=True, mapping the corner pixels onto each other
(x = j * (W - 1) / (out_width - 1)) instead of using half-pixel centres."""
# expect: wrong_answer
import numpy as np


def _positions(n_in, n_out):
    if n_out == 1:
        p = np.zeros(1)
    else:
        p = np.arange(n_out) * (n_in - 1) / (n_out - 1)
    i0 = np.floor(p).astype(int)
    i1 = np.minimum(i0 + 1, n_in - 1)
    return i0, i1, p - i0


def resize_bilinear(image, out_height, out_width):
    y0, y1, fy = _positions(image.shape[0], out_height)
    x0, x1, fx = _positions(image.shape[1], out_width)
    rows = image[y0] * (1 - fy)[:, None] + image[y1] * fy[:, None]
    return rows[:, x0] * (1 - fx) + rows[:, x1] * fx
