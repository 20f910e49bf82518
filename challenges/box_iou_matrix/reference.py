"""Reference pairwise IoU: every box of `boxes_a` against every box of `boxes_b` at once,
by broadcasting an (N, 1) column against a (1, M) row; 0 wherever the union is 0."""
import numpy as np


def box_iou_matrix(boxes_a, boxes_b):
    a = np.asarray(boxes_a, dtype=np.float64).reshape(-1, 4)
    b = np.asarray(boxes_b, dtype=np.float64).reshape(-1, 4)
    ax1, ay1, ax2, ay2 = (a[:, k:k + 1] for k in range(4))  # columns, shape (N, 1)
    bx1, by1, bx2, by2 = b.T  # rows, shape (M,)
    # Clamp each side before multiplying: two negative sides would make a positive area.
    width = np.clip(np.minimum(ax2, bx2) - np.maximum(ax1, bx1), 0.0, None)
    height = np.clip(np.minimum(ay2, by2) - np.maximum(ay1, by1), 0.0, None)
    intersection = width * height
    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - intersection
    result = np.zeros(intersection.shape)
    np.divide(intersection, union, out=result, where=union > 0)
    return result
