"""Column by column with np.minimum, the result filled into a preallocated array."""
import math

import numpy as np


def decode_boxes(anchors, deltas, weights=(1.0, 1.0, 1.0, 1.0)):
    wx, wy, ww, wh = weights
    result = np.empty((len(anchors), 4))
    width = anchors[:, 2] - anchors[:, 0]
    height = anchors[:, 3] - anchors[:, 1]
    cx = (anchors[:, 0] + anchors[:, 2]) / 2
    cy = (anchors[:, 1] + anchors[:, 3]) / 2
    clip = math.log(1000 / 16)
    pcx = cx + width * (deltas[:, 0] / wx)
    pcy = cy + height * (deltas[:, 1] / wy)
    pw = width * np.exp(np.minimum(deltas[:, 2] / ww, clip))
    ph = height * np.exp(np.minimum(deltas[:, 3] / wh, clip))
    result[:, 0] = pcx - 0.5 * pw
    result[:, 1] = pcy - 0.5 * ph
    result[:, 2] = pcx + 0.5 * pw
    result[:, 3] = pcy + 0.5 * ph
    return result
