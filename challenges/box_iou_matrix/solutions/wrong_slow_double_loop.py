"""A Python double loop over all pairs, one scalar IoU at a time: correct, but a million
interpreted steps on the large input."""
# expect: time_limit_exceeded
import numpy as np


def iou(a, b):
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def box_iou_matrix(boxes_a, boxes_b):
    result = np.zeros((len(boxes_a), len(boxes_b)))
    for i in range(len(boxes_a)):
        for j in range(len(boxes_b)):
            result[i, j] = iou(boxes_a[i], boxes_b[j])
    return result
