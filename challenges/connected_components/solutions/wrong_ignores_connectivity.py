"""Wrong: always uses 4-connectivity, ignoring the connectivity argument."""
# expect: wrong_answer
from collections import deque

import numpy as np


def connected_components(mask, connectivity=4):
    h, w = mask.shape
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
                    for ny, nx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                        if 0 <= ny < h and 0 <= nx < w and mask[ny, nx] and not labels[ny, nx]:
                            labels[ny, nx] = count
                            queue.append((ny, nx))
    return labels
