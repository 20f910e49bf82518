"""Reference Sobel gradient magnitude with half-sample reflected borders.

A 3 x 3 kernel reaches one pixel past the image, where "reflect" (d c b a | a b c d) reads
the border pixel itself, so the padded image repeats its first and last row and column.
The Sobel kernels are separable: gx is a [1, 2, 1] smoothing down the columns of the
horizontal difference right - left, and gy the same with the axes swapped.
"""
import numpy as np


def _reflect_by_one(n):
    """Source indices of padded positions -1 .. n: the edge pixels repeated."""
    return np.concatenate(([0], np.arange(n), [n - 1]))


def sobel_magnitude(image):
    image = np.asarray(image, dtype=np.float64)
    height, width = image.shape
    padded = image[_reflect_by_one(height)][:, _reflect_by_one(width)]
    across = padded[:, 2:] - padded[:, :-2]  # right - left, every padded row
    gx = across[:-2] + 2.0 * across[1:-1] + across[2:]
    smooth = padded[:, :-2] + 2.0 * padded[:, 1:-1] + padded[:, 2:]
    gy = smooth[2:] - smooth[:-2]  # below - above
    return np.sqrt(gx * gx + gy * gy)
