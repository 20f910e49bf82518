"""Wrong: finds the components correctly but numbers them from the largest to the smallest
(ties by first pixel), as some region-analysis tools report them."""
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
    for i in range(h):
        for j in range(w):
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
    sizes = np.bincount(labels.ravel(), minlength=count + 1)[1:]
    order = sorted(range(count), key=lambda k: -sizes[k])
    renumber = np.zeros(count + 1, dtype=np.int64)
    renumber[[k + 1 for k in order]] = np.arange(1, count + 1)
    return renumber[labels]
