"""One numpy step per box of boxes_a: its IoU with all of boxes_b at once, row by row."""
import numpy as np


def box_iou_matrix(boxes_a, boxes_b):
    result = np.zeros((len(boxes_a), len(boxes_b)))
    bx1, by1, bx2, by2 = boxes_b[:, 0], boxes_b[:, 1], boxes_b[:, 2], boxes_b[:, 3]
    areas_b = (bx2 - bx1) * (by2 - by1)
    for i, (x1, y1, x2, y2) in enumerate(boxes_a.tolist()):
        w = np.maximum(0.0, np.minimum(x2, bx2) - np.maximum(x1, bx1))
        h = np.maximum(0.0, np.minimum(y2, by2) - np.maximum(y1, by1))
        inter = w * h
        union = (x2 - x1) * (y2 - y1) + areas_b - inter
        positive = union > 0
        result[i, positive] = inter[positive] / union[positive]
    return result
