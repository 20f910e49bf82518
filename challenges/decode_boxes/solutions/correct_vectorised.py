"""numpy on whole arrays: centres and sizes as (N, 2) pairs, np.clip with an upper bound."""
import numpy as np


def decode_boxes(anchors, deltas, weights=(1.0, 1.0, 1.0, 1.0)):
    w = np.asarray(weights, dtype=np.float64)
    sizes = anchors[:, 2:] - anchors[:, :2]
    centres = anchors[:, :2] + 0.5 * sizes
    d = deltas / w
    new_centres = d[:, :2] * sizes + centres
    new_sizes = np.exp(np.clip(d[:, 2:], None, np.log(1000.0 / 16))) * sizes
    return np.concatenate([new_centres - new_sizes / 2, new_centres + new_sizes / 2], axis=1)
