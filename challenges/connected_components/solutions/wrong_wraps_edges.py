"""Wrong: checks only the upper bounds of neighbour indices, so row -1 and column -1 wrap to
the last row and column (numpy's negative indices) and join pixels on opposite edges."""
# expect: wrong_answer
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
                stack = [(i, j)]
                while stack:
                    y, x = stack.pop()
                    for dy, dx in steps:
                        ny, nx = y + dy, x + dx
                        if ny < h and nx < w and mask[ny, nx] and not labels[ny, nx]:
                            labels[ny, nx] = count
                            stack.append((ny % h, nx % w))
    return labels
