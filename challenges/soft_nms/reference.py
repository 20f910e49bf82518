"""Reference Gaussian soft-NMS.

`remaining` always lists candidate indices in ascending order, so np.argmax (the first
maximum) is the highest current score with ties going to the lower index. Each round costs
one vectorised pass over the candidates.
"""
import numpy as np


def soft_nms(boxes, scores, sigma=0.5, score_threshold=0.001):
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    current = np.array(scores, dtype=np.float64).reshape(-1)
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1) * (y2 - y1)
    remaining = np.flatnonzero(current >= score_threshold)
    selected = []
    while remaining.size:
        k = int(np.argmax(current[remaining]))
        m = int(remaining[k])
        selected.append((m, float(current[m])))
        remaining = np.delete(remaining, k)
        w = np.clip(np.minimum(x2[m], x2[remaining]) - np.maximum(x1[m], x1[remaining]), 0, None)
        h = np.clip(np.minimum(y2[m], y2[remaining]) - np.maximum(y1[m], y1[remaining]), 0, None)
        inter = w * h
        union = areas[m] + areas[remaining] - inter
        iou = np.zeros_like(inter)
        np.divide(inter, union, out=iou, where=union > 0)
        current[remaining] *= np.exp(-(iou * iou) / sigma)
        remaining = remaining[current[remaining] >= score_threshold]
    return selected
