"""Centres the anchors in their cells, at ((x + 0.5) * stride, (y + 0.5) * stride)."""
# expect: wrong_answer
import numpy as np


def generate_anchors(feature_height, feature_width, stride, sizes, aspect_ratios):
    ratios = np.asarray(aspect_ratios, dtype=np.float64)[:, None]
    scales = np.asarray(sizes, dtype=np.float64)[None, :]
    ws = ((1 / np.sqrt(ratios)) * scales).reshape(-1)
    hs = (np.sqrt(ratios) * scales).reshape(-1)
    base = np.round(np.stack([-ws, -hs, ws, hs], axis=1) / 2)
    sy, sx = np.meshgrid((np.arange(feature_height) + 0.5) * stride,
                         (np.arange(feature_width) + 0.5) * stride, indexing="ij")
    shifts = np.stack([sx.ravel(), sy.ravel(), sx.ravel(), sy.ravel()], axis=1)
    return (shifts[:, None, :] + base[None, :, :]).reshape(-1, 4)
