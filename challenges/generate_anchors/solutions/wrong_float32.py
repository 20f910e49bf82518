"""Computes in float32, torchvision's default dtype, instead of float64."""
# expect: wrong_answer
import numpy as np


def generate_anchors(feature_height, feature_width, stride, sizes, aspect_ratios):
    scales = np.asarray(sizes, dtype=np.float32)
    ratios = np.asarray(aspect_ratios, dtype=np.float32)
    h_ratios = np.sqrt(ratios)
    w_ratios = np.float32(1) / h_ratios
    ws = (w_ratios[:, None] * scales[None, :]).reshape(-1)
    hs = (h_ratios[:, None] * scales[None, :]).reshape(-1)
    base = np.round(np.stack([-ws, -hs, ws, hs], axis=1) / np.float32(2))
    sy, sx = np.meshgrid(np.arange(feature_height, dtype=np.float32) * stride,
                         np.arange(feature_width, dtype=np.float32) * stride, indexing="ij")
    shifts = np.stack([sx.ravel(), sy.ravel(), sx.ravel(), sy.ravel()], axis=1)
    return (shifts[:, None, :] + base[None, :, :]).reshape(-1, 4).astype(np.float64)
