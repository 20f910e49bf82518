"""Correct: counts and maps the image one row at a time, rounding with exact integers."""
import numpy as np


def equalize_histogram(image):
    counts = np.zeros(256, dtype=np.int64)
    for row in image:
        counts += np.bincount(row, minlength=256)
    n = int(counts.sum())
    v_min = int(np.flatnonzero(counts)[0])
    h_min = int(counts[v_min])
    if h_min == n:
        return image.copy()
    spread = n - h_min
    lut = np.zeros(256, dtype=np.int64)
    running = 0
    for v in range(256):
        running += int(counts[v])
        if v >= v_min:
            lut[v] = (510 * (running - h_min) + spread) // (2 * spread)
    out = np.empty_like(image)
    for i, row in enumerate(image):
        out[i] = lut[row]
    return out
