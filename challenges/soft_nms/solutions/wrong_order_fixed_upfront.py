"""Sorts once by the input scores and visits boxes in that order, decaying as it goes: the
selection never follows the current scores."""
# expect: wrong_answer
import numpy as np


def soft_nms(boxes, scores, sigma=0.5, score_threshold=0.001):
    s = scores.astype(np.float64).copy()
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1) * (y2 - y1)
    order = [int(i) for i in np.argsort(-scores, kind="stable")]
    picked = []
    for pos, m in enumerate(order):
        if s[m] < score_threshold:
            continue
        picked.append((m, float(s[m])))
        rest = np.array(order[pos + 1:], dtype=np.int64)
        w = np.clip(np.minimum(x2[m], x2[rest]) - np.maximum(x1[m], x1[rest]), 0, None)
        h = np.clip(np.minimum(y2[m], y2[rest]) - np.maximum(y1[m], y1[rest]), 0, None)
        inter = w * h
        union = areas[m] + areas[rest] - inter
        iou = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        s[rest] *= np.exp(-iou ** 2 / sigma)
    return picked
