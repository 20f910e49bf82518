"""Uses the inclusive-pixel convention of old detection code: every side gets +1."""
# expect: wrong_answer
import numpy as np


def box_iou_matrix(boxes_a, boxes_b):
    lt = np.maximum(boxes_a[:, None, :2], boxes_b[None, :, :2])
    rb = np.minimum(boxes_a[:, None, 2:], boxes_b[None, :, 2:])
    wh = np.clip(rb - lt + 1, 0.0, None)
    inter = wh[..., 0] * wh[..., 1]
    area_a = (boxes_a[:, 2] - boxes_a[:, 0] + 1) * (boxes_a[:, 3] - boxes_a[:, 1] + 1)
    area_b = (boxes_b[:, 2] - boxes_b[:, 0] + 1) * (boxes_b[:, 3] - boxes_b[:, 1] + 1)
    return inter / (area_a[:, None] + area_b[None, :] - inter)
