"""Wrong: a recursive depth-first flood fill; a long winding component needs thousands of
nested calls and exceeds Python's recursion limit."""
# expect: runtime_error
import numpy as np


def connected_components(mask, connectivity=4):
    h, w = mask.shape
    steps = [(-1, 0), (1, 0), (0, -1), (0, 1)]
    if connectivity == 8:
        steps += [(-1, -1), (-1, 1), (1, -1), (1, 1)]
    labels = np.zeros((h, w), dtype=np.int64)

    def fill(y, x, label):
        labels[y, x] = label
        for dy, dx in steps:
            ny, nx = y + dy, x + dx
            if 0 <= ny < h and 0 <= nx < w and mask[ny, nx] and not labels[ny, nx]:
                fill(ny, nx, label)

    count = 0
    for i in range(h):
        for j in range(w):
            if mask[i, j] and not labels[i, j]:
                count += 1
                fill(i, j, count)
    return labels
