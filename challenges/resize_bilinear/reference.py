"""Reference bilinear resize: half-pixel centres (align_corners=False), no antialiasing.

Every output row shares one source position (and so one pair of neighbours and one weight),
and so does every output column, so the image is interpolated along axis 0 and then along
axis 1: the same four-neighbour blend, with no per-pixel Python work.
"""
import numpy as np


def _sampling(n_in, n_out):
    """For each output index: the lower source neighbour, the upper one, the upper's weight."""
    position = (np.arange(n_out) + 0.5) * n_in / n_out - 0.5
    position = np.maximum(position, 0.0)  # the first output centres may fall left of pixel 0
    lower = np.floor(position).astype(np.int64)
    upper = np.minimum(lower + 1, n_in - 1)
    return lower, upper, position - lower


def resize_bilinear(image, out_height, out_width):
    image = np.asarray(image, dtype=np.float64)
    y0, y1, wy = _sampling(image.shape[0], out_height)
    x0, x1, wx = _sampling(image.shape[1], out_width)
    rows = image[y0] * (1.0 - wy)[:, None] + image[y1] * wy[:, None]
    return rows[:, x0] * (1.0 - wx) + rows[:, x1] * wx
