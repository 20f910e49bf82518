"""Greedy hard NMS at IoU 0.5 dressed up as soft-NMS: overlapping boxes are deleted, not
decayed, and the input scores are returned."""
# expect: wrong_answer
import numpy as np


def soft_nms(boxes, scores, sigma=0.5, score_threshold=0.001):
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1) * (y2 - y1)
    order = np.argsort(-scores, kind="stable")
    order = order[scores[order] >= score_threshold]
    picked = []
    while order.size:
        m, rest = order[0], order[1:]
        picked.append((int(m), float(scores[m])))
        w = np.clip(np.minimum(x2[m], x2[rest]) - np.maximum(x1[m], x1[rest]), 0, None)
        h = np.clip(np.minimum(y2[m], y2[rest]) - np.maximum(y1[m], y1[rest]), 0, None)
        inter = w * h
        union = areas[m] + areas[rest] - inter
        iou = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        order = rest[iou <= 0.5]
    return picked
