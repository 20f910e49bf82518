"""Grows the answer one row at a time with np.append: each call copies every row so far,
so the work is quadratic in the number of anchors."""
# expect: time_limit_exceeded
import math

import numpy as np


def generate_anchors(feature_height, feature_width, stride, sizes, aspect_ratios):
    base = []
    for ratio in aspect_ratios:
        for size in sizes:
            w, h = size / math.sqrt(ratio), size * math.sqrt(ratio)
            base.append([round(-w / 2), round(-h / 2), round(w / 2), round(h / 2)])
    anchors = np.zeros((0, 4))
    for y in range(feature_height):
        for x in range(feature_width):
            for x1, y1, x2, y2 in base:
                row = [[x1 + x * stride, y1 + y * stride, x2 + x * stride, y2 + y * stride]]
                anchors = np.append(anchors, row, axis=0)
    return anchors
