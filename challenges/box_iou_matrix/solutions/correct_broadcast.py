"""Broadcasting with a trailing pair axis: corners of shape (N, M, 2), clipped, multiplied."""
import numpy as np


def box_iou_matrix(boxes_a, boxes_b):
    top_left = np.maximum(boxes_a[:, None, :2], boxes_b[None, :, :2])
    bottom_right = np.minimum(boxes_a[:, None, 2:], boxes_b[None, :, 2:])
    sides = np.clip(bottom_right - top_left, 0.0, None)
    inter = sides[..., 0] * sides[..., 1]
    area_a = np.prod(boxes_a[:, 2:] - boxes_a[:, :2], axis=1)
    area_b = np.prod(boxes_b[:, 2:] - boxes_b[:, :2], axis=1)
    union = area_a[:, None] + area_b[None, :] - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(union > 0, inter / union, 0.0)
