"""Builds one row per anchor and stacks them with np.vstack, which fails when there are no
anchors at all."""
# expect: runtime_error
import math

import numpy as np


def decode_boxes(anchors, deltas, weights=(1.0, 1.0, 1.0, 1.0)):
    wx, wy, ww, wh = weights
    clip = math.log(1000 / 16)
    rows = []
    for (x1, y1, x2, y2), (dx, dy, dw, dh) in zip(anchors, deltas):
        w, h = x2 - x1, y2 - y1
        cx, cy = x1 + 0.5 * w, y1 + 0.5 * h
        px, py = dx / wx * w + cx, dy / wy * h + cy
        pw, ph = math.exp(min(dw / ww, clip)) * w, math.exp(min(dh / wh, clip)) * h
        rows.append(np.array([px - pw / 2, py - ph / 2, px + pw / 2, py + ph / 2]))
    return np.vstack(rows)
