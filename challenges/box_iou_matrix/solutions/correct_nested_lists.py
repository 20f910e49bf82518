"""Vectorised per coordinate, answered as nested Python lists (a list is as good as an array)."""
import numpy as np


def box_iou_matrix(boxes_a, boxes_b):
    n, m = len(boxes_a), len(boxes_b)
    if n == 0 or m == 0:
        return [[] for _ in range(n)]
    x1 = np.maximum.outer(boxes_a[:, 0], boxes_b[:, 0])
    y1 = np.maximum.outer(boxes_a[:, 1], boxes_b[:, 1])
    x2 = np.minimum.outer(boxes_a[:, 2], boxes_b[:, 2])
    y2 = np.minimum.outer(boxes_a[:, 3], boxes_b[:, 3])
    inter = (x2 - x1).clip(min=0) * (y2 - y1).clip(min=0)
    area_a = (boxes_a[:, 2] - boxes_a[:, 0]) * (boxes_a[:, 3] - boxes_a[:, 1])
    area_b = (boxes_b[:, 2] - boxes_b[:, 0]) * (boxes_b[:, 3] - boxes_b[:, 1])
    union = np.add.outer(area_a, area_b) - inter
    iou = np.divide(inter, union, out=np.zeros((n, m)), where=union != 0)
    return iou.tolist()
