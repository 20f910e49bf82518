"""Puts boxes_b on the rows: returns the (M, N) matrix, the transpose of what is asked."""
# expect: wrong_answer
import numpy as np


def box_iou_matrix(boxes_a, boxes_b):
    lt = np.maximum(boxes_b[:, None, :2], boxes_a[None, :, :2])
    rb = np.minimum(boxes_b[:, None, 2:], boxes_a[None, :, 2:])
    wh = np.clip(rb - lt, 0.0, None)
    inter = wh[..., 0] * wh[..., 1]
    area_a = (boxes_a[:, 2] - boxes_a[:, 0]) * (boxes_a[:, 3] - boxes_a[:, 1])
    area_b = (boxes_b[:, 2] - boxes_b[:, 0]) * (boxes_b[:, 3] - boxes_b[:, 1])
    union = area_b[:, None] + area_a[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
