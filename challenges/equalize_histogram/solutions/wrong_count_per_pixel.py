"""Too slow: counts the pixels <= v again for every pixel, O(n^2) instead of one histogram."""
# expect: time_limit_exceeded
import numpy as np


def equalize_histogram(image):
    flat = image.ravel()
    n = flat.size
    h_min = int(np.count_nonzero(flat == flat.min()))
    if h_min == n:
        return image
    out = np.empty(n, dtype=np.int64)
    for k in range(n):
        c = int(np.count_nonzero(flat <= flat[k]))
        out[k] = (510 * (c - h_min) + (n - h_min)) // (2 * (n - h_min))
    return out.reshape(image.shape)
