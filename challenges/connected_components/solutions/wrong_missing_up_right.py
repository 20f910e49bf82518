"""Wrong: a two-pass labelling whose 8-connected first pass looks at the left, up-left and up
neighbours but forgets up-right, so shapes joined only through an up-right corner split."""
# expect: wrong_answer
import numpy as np


def connected_components(mask, connectivity=4):
    h, w = mask.shape
    labels = np.zeros((h, w), dtype=np.int64)
    parent = [0]

    def find(a):
        while parent[a] != a:
            a = parent[a]
        return a

    behind = [(0, -1), (-1, 0)] + ([(-1, -1)] if connectivity == 8 else [])
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
    number = {}
    for i in range(h):
        for j in range(w):
            if labels[i, j]:
                root = find(labels[i, j])
                number.setdefault(root, len(number) + 1)
                labels[i, j] = number[root]
    return labels
