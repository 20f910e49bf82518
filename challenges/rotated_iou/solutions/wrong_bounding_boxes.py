"""Approximates each rotated box by its axis-aligned bounding box and takes their IoU."""
# expect: wrong_answer
import math


def _bounds(cx, cy, w, h, angle):
    t = math.radians(angle)
    half_w = (abs(math.cos(t)) * w + abs(math.sin(t)) * h) / 2
    half_h = (abs(math.sin(t)) * w + abs(math.cos(t)) * h) / 2
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def rotated_iou(box_a, box_b):
    a, b = _bounds(*box_a), _bounds(*box_b)
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union
