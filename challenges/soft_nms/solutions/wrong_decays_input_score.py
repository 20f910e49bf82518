"""Recomputes each score from the input score, so only the latest overlap counts."""
# expect: wrong_answer
import numpy as np


def soft_nms(boxes, scores, sigma=0.5, score_threshold=0.001):
    s = scores.astype(np.float64).copy()
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1) * (y2 - y1)
    left = np.flatnonzero(s >= score_threshold)
    picked = []
    while left.size:
        k = int(np.argmax(s[left]))
        m = left[k]
        picked.append((int(m), float(s[m])))
        left = np.delete(left, k)
        w = np.clip(np.minimum(x2[m], x2[left]) - np.maximum(x1[m], x1[left]), 0, None)
        h = np.clip(np.minimum(y2[m], y2[left]) - np.maximum(y1[m], y1[left]), 0, None)
        inter = w * h
        union = areas[m] + areas[left] - inter
        iou = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        s[left] = scores[left] * np.exp(-iou ** 2 / sigma)
        left = left[s[left] >= score_threshold]
    return picked
