"""Shifts the exact base anchors and rounds at the end: with an odd stride, x.5 + stride
rounds to the other even number."""
# expect: wrong_answer
import numpy as np


def generate_anchors(feature_height, feature_width, stride, sizes, aspect_ratios):
    ratios = np.asarray(aspect_ratios, dtype=np.float64)[:, None]
    scales = np.asarray(sizes, dtype=np.float64)[None, :]
    ws = ((1 / np.sqrt(ratios)) * scales).reshape(-1)
    hs = (np.sqrt(ratios) * scales).reshape(-1)
    base = np.stack([-ws, -hs, ws, hs], axis=1) / 2
    sy, sx = np.meshgrid(np.arange(feature_height) * stride, np.arange(feature_width) * stride,
                         indexing="ij")
    shifts = np.stack([sx.ravel(), sy.ravel(), sx.ravel(), sy.ravel()], axis=1)
    return np.round((shifts[:, None, :] + base[None, :, :]).reshape(-1, 4))
