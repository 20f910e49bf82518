"""Vectorised with numpy: element-wise corners, clipped sides, numpy float result."""
import numpy as np


def iou(box_a, box_b):
    a = np.asarray(box_a, dtype=np.float64)
    b = np.asarray(box_b, dtype=np.float64)
    top_left = np.maximum(a[:2], b[:2])
    bottom_right = np.minimum(a[2:], b[2:])
    inter = np.prod(np.clip(bottom_right - top_left, 0.0, None))
    union = np.prod(a[2:] - a[:2]) + np.prod(b[2:] - b[:2]) - inter
    if union <= 0:
        return 0.0
    return inter / union
