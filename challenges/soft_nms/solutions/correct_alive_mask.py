"""Vectorised over all boxes with an "alive" mask: masked argmax, decay by broadcasting."""
import numpy as np


def soft_nms(boxes, scores, sigma=0.5, score_threshold=0.001):
    s = scores.astype(np.float64).copy()
    alive = s >= score_threshold
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1) * (y2 - y1)
    picked = []
    while alive.any():
        m = int(np.argmax(np.where(alive, s, -np.inf)))  # first maximum: lowest index
        picked.append((m, float(s[m])))
        alive[m] = False
        w = np.maximum(0.0, np.minimum(x2[m], x2) - np.maximum(x1[m], x1))
        h = np.maximum(0.0, np.minimum(y2[m], y2) - np.maximum(y1[m], y1))
        inter = w * h
        union = areas[m] + areas - inter
        with np.errstate(invalid="ignore", divide="ignore"):
            iou = np.where(union > 0, inter / union, 0.0)
        s = np.where(alive, s * np.exp(-iou ** 2 / sigma), s)
        alive &= s >= score_threshold
    return picked
