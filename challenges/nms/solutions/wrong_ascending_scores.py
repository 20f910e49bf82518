"""Visits the boxes from the lowest score up, so weak boxes suppress strong ones."""
# expect: wrong_answer
import numpy as np


def _iou(a, b):
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def nms(boxes, scores, iou_threshold):
    keep = []
    for i in np.argsort(scores, kind="stable"):
        if all(_iou(boxes[i], boxes[k]) <= iou_threshold for k in keep):
            keep.append(int(i))
    return keep
