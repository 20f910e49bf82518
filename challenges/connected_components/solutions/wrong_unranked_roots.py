"""Wrong: a correct union-find, but each pixel gets its root's provisional label, so labels
are neither consecutive nor numbered 1..K."""
# expect: wrong_answer
import numpy as np


def connected_components(mask, connectivity=4):
    h, w = mask.shape
    labels = np.zeros((h, w), dtype=np.int64)
    parent = [0]

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    behind = [(0, -1), (-1, 0)] + ([(-1, -1), (-1, 1)] if connectivity == 8 else [])
    for i in range(h):
        for j in range(w):
            if not mask[i, j]:
                continue
            seen = [labels[i + dy, j + dx] for dy, dx in behind
                    if 0 <= i + dy and 0 <= j + dx < w and labels[i + dy, j + dx]]
            if not seen:
                parent.append(len(parent))
                labels[i, j] = len(parent) - 1
                continue
            roots = sorted({find(s) for s in seen})
            labels[i, j] = roots[0]
            for r in roots[1:]:
                parent[r] = roots[0]
    for i in range(h):
        for j in range(w):
            if labels[i, j]:
                labels[i, j] = find(labels[i, j])
    return labels
