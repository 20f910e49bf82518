"""Correct: breadth-first flood fill from each unlabelled foreground pixel in raster order,
on Python lists with an explicit queue (no recursion)."""
from collections import deque

import numpy as np


def connected_components(mask, connectivity=4):
    h, w = mask.shape
    grid = mask.tolist()
    labels = [[0] * w for _ in range(h)]
    steps = [(-1, 0), (1, 0), (0, -1), (0, 1)]
    if connectivity == 8:
        steps += [(-1, -1), (-1, 1), (1, -1), (1, 1)]
    count = 0
    for i in range(h):
        for j in range(w):
            if grid[i][j] and not labels[i][j]:
                count += 1
                labels[i][j] = count
                queue = deque([(i, j)])
                while queue:
                    y, x = queue.popleft()
                    for dy, dx in steps:
                        ny, nx = y + dy, x + dx
                        if 0 <= ny < h and 0 <= nx < w and grid[ny][nx] and not labels[ny][nx]:
                            labels[ny][nx] = count
                            queue.append((ny, nx))
    return np.array(labels, dtype=np.int64)
