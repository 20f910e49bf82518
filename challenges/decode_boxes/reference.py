"""Reference Faster R-CNN box decoding, column by column over all rows at once.

Each anchor is turned into centre and size; the deltas are divided by their weights, the
log-size deltas clamped from above only (so exp() cannot overflow, while shrinking stays
unlimited); the predicted centre moves by dx widths and dy heights, and the size scales by
exp(dw) and exp(dh).
"""
import math

import numpy as np

LOG_SIZE_CLIP = math.log(1000.0 / 16)


def decode_boxes(anchors, deltas, weights=(1.0, 1.0, 1.0, 1.0)):
    anchors = np.asarray(anchors, dtype=np.float64).reshape(-1, 4)
    deltas = np.asarray(deltas, dtype=np.float64).reshape(-1, 4)
    wx, wy, ww, wh = (float(v) for v in weights)
    widths = anchors[:, 2] - anchors[:, 0]
    heights = anchors[:, 3] - anchors[:, 1]
    centre_x = anchors[:, 0] + 0.5 * widths
    centre_y = anchors[:, 1] + 0.5 * heights
    dx, dy = deltas[:, 0] / wx, deltas[:, 1] / wy
    dw = np.minimum(deltas[:, 2] / ww, LOG_SIZE_CLIP)
    dh = np.minimum(deltas[:, 3] / wh, LOG_SIZE_CLIP)
    x = dx * widths + centre_x
    y = dy * heights + centre_y
    half_w = 0.5 * (np.exp(dw) * widths)
    half_h = 0.5 * (np.exp(dh) * heights)
    return np.stack([x - half_w, y - half_h, x + half_w, y + half_h], axis=1)
