"""Reads the aspect ratio as width / height, so tall and wide anchors trade places."""
# expect: wrong_answer
import numpy as np


def generate_anchors(feature_height, feature_width, stride, sizes, aspect_ratios):
    ratios = np.asarray(aspect_ratios, dtype=np.float64)
    scales = np.asarray(sizes, dtype=np.float64)
    ws = (np.sqrt(ratios)[:, None] * scales[None, :]).reshape(-1)
    hs = ((1 / np.sqrt(ratios))[:, None] * scales[None, :]).reshape(-1)
    base = np.round(np.stack([-ws, -hs, ws, hs], axis=1) / 2)
    sy, sx = np.meshgrid(np.arange(feature_height) * stride, np.arange(feature_width) * stride,
                         indexing="ij")
    shifts = np.stack([sx.ravel(), sy.ravel(), sx.ravel(), sy.ravel()], axis=1)
    return (shifts[:, None, :] + base[None, :, :]).reshape(-1, 4).astype(np.float64)
