"""Wrong: a single raster pass that copies a label from the left or upper neighbour but never
records that two labels met, so a U shape keeps two labels."""
# expect: wrong_answer
import numpy as np


def connected_components(mask, connectivity=4):
    h, w = mask.shape
    labels = np.zeros((h, w), dtype=np.int64)
    count = 0
    behind = [(0, -1), (-1, 0)] + ([(-1, -1), (-1, 1)] if connectivity == 8 else [])
    for i in range(h):
        for j in range(w):
            if not mask[i, j]:
                continue
            seen = [labels[i + dy, j + dx] for dy, dx in behind
                    if 0 <= i + dy and 0 <= j + dx < w and labels[i + dy, j + dx]]
            if seen:
                labels[i, j] = min(seen)
            else:
                count += 1
                labels[i, j] = count
    return labels
