"""Reference Gaussian blur: a normalised 1-D kernel of radius int(4 sigma + 0.5), applied
along axis 0 and then axis 1, with half-sample symmetric ("reflect") borders.

Reflection is done by index arithmetic modulo 2n, so it repeats for as far as the kernel
reaches, even when the radius exceeds the image size; each pass is a loop over kernel taps
adding shifted slices.
"""
import numpy as np


def gaussian_weights(sigma):
    radius = int(4 * sigma + 0.5)
    offsets = np.arange(-radius, radius + 1, dtype=np.float64)
    weights = np.exp(-(offsets * offsets) / (2 * sigma * sigma))
    return weights / weights.sum()


def reflect_indices(n, radius):
    """Source index of padded positions -radius .. n - 1 + radius (d c b a | a b c d | d c b a)."""
    positions = np.arange(-radius, n + radius) % (2 * n)
    return np.where(positions < n, positions, 2 * n - 1 - positions)


def _blur_axis0(image, weights):
    n = image.shape[0]
    padded = image[reflect_indices(n, len(weights) // 2)]
    out = np.zeros(image.shape)
    for tap, weight in enumerate(weights):
        out += weight * padded[tap:tap + n]
    return out


def gaussian_blur(image, sigma):
    image = np.asarray(image, dtype=np.float64)
    weights = gaussian_weights(float(sigma))
    rows_done = _blur_axis0(image, weights)
    return _blur_axis0(np.ascontiguousarray(rows_done.T), weights).T
