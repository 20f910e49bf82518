"""Multiplies the deltas by the weights, as when encoding, instead of dividing."""
# expect: wrong_answer
import numpy as np

CLIP = np.log(1000.0 / 16)


def decode_boxes(anchors, deltas, weights=(1.0, 1.0, 1.0, 1.0)):
    wx, wy, ww, wh = weights
    w = anchors[:, 2] - anchors[:, 0]
    h = anchors[:, 3] - anchors[:, 1]
    cx = anchors[:, 0] + 0.5 * w
    cy = anchors[:, 1] + 0.5 * h
    dx = deltas[:, 0] * wx
    dy = deltas[:, 1] * wy
    dw = np.minimum(deltas[:, 2] * ww, CLIP)
    dh = np.minimum(deltas[:, 3] * wh, CLIP)
    pcx = dx * w + cx
    pcy = dy * h + cy
    pw = np.exp(dw) * w
    ph = np.exp(dh) * h
    return np.stack([pcx - 0.5 * pw, pcy - 0.5 * ph, pcx + 0.5 * pw, pcy + 0.5 * ph], axis=1)
