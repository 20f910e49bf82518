"""The legacy Detectron convention: widths are x2 - x1 + 1 and the far corner is pulled in
by one pixel."""
# expect: wrong_answer
import numpy as np

CLIP = np.log(1000.0 / 16)


def decode_boxes(anchors, deltas, weights=(1.0, 1.0, 1.0, 1.0)):
    wx, wy, ww, wh = weights
    w = anchors[:, 2] - anchors[:, 0] + 1.0
    h = anchors[:, 3] - anchors[:, 1] + 1.0
    cx = anchors[:, 0] + 0.5 * w
    cy = anchors[:, 1] + 0.5 * h
    pcx = deltas[:, 0] / wx * w + cx
    pcy = deltas[:, 1] / wy * h + cy
    pw = np.exp(np.minimum(deltas[:, 2] / ww, CLIP)) * w
    ph = np.exp(np.minimum(deltas[:, 3] / wh, CLIP)) * h
    return np.stack([pcx - 0.5 * pw, pcy - 0.5 * ph, pcx + 0.5 * pw - 1, pcy + 0.5 * ph - 1],
                    axis=1)
