"""Too slow: gives every pixel its raster index and repeatedly replaces it with the smallest
label among its neighbours until nothing changes. Each round is vectorised, but a long
winding component needs as many rounds as it is long."""
# expect: time_limit_exceeded
import numpy as np


def connected_components(mask, connectivity=4):
    h, w = mask.shape
    fg = mask != 0
    big = h * w
    labels = np.where(fg, np.arange(h * w).reshape(h, w), big)
    while True:
        padded = np.pad(labels, 1, constant_values=big)
        best = labels.copy()
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                if connectivity == 4 and dy and dx:
                    continue
                best = np.minimum(best, padded[1 + dy:1 + dy + h, 1 + dx:1 + dx + w])
        best = np.where(fg, best, big)
        if np.array_equal(best, labels):
            break
        labels = best
    _, numbered = np.unique(labels, return_inverse=True)
    return np.where(fg, numbered.reshape(h, w) + 1, 0)
