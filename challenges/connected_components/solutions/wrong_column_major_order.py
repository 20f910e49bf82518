"""Wrong: finds the components correctly but numbers them in the order a column-by-column
scan meets them (np.unique on transposed first pixels)."""
# expect: wrong_answer
from collections import deque

import numpy as np


def connected_components(mask, connectivity=4):
    h, w = mask.shape
    steps = [(-1, 0), (1, 0), (0, -1), (0, 1)]
    if connectivity == 8:
        steps += [(-1, -1), (-1, 1), (1, -1), (1, 1)]
    labels = np.zeros((h, w), dtype=np.int64)
    count = 0
    for j in range(w):
        for i in range(h):
            if mask[i, j] and not labels[i, j]:
                count += 1
                labels[i, j] = count
                queue = deque([(i, j)])
                while queue:
                    y, x = queue.popleft()
                    for dy, dx in steps:
                        ny, nx = y + dy, x + dx
                        if 0 <= ny < h and 0 <= nx < w and mask[ny, nx] and not labels[ny, nx]:
                            labels[ny, nx] = count
                            queue.append((ny, nx))
    return labels
