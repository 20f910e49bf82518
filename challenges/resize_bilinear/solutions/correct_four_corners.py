"""Correct: gather the four neighbours of every output pixel with broadcast fancy indexing and
blend them with the full bilinear formula in one expression."""
import numpy as np


def resize_bilinear(image, out_height, out_width):
    h, w = image.shape
    y = np.clip((np.arange(out_height) + 0.5) * (h / out_height) - 0.5, 0, None)[:, None]
    x = np.clip((np.arange(out_width) + 0.5) * (w / out_width) - 0.5, 0, None)[None, :]
    y0, x0 = np.floor(y).astype(np.intp), np.floor(x).astype(np.intp)
    y1, x1 = np.minimum(y0 + 1, h - 1), np.minimum(x0 + 1, w - 1)
    dy, dx = y - y0, x - x0
    return ((1 - dy) * (1 - dx) * image[y0, x0] + (1 - dy) * dx * image[y0, x1]
            + dy * (1 - dx) * image[y1, x0] + dy * dx * image[y1, x1])
