"""Walks the locations column by column (x outer, y inner), as meshgrid's default 'xy' order
invites when the outputs are flattened the wrong way round."""
# expect: wrong_answer
import numpy as np


def generate_anchors(feature_height, feature_width, stride, sizes, aspect_ratios):
    ratios = np.asarray(aspect_ratios, dtype=np.float64)[:, None]
    scales = np.asarray(sizes, dtype=np.float64)[None, :]
    ws = ((1 / np.sqrt(ratios)) * scales).reshape(-1)
    hs = (np.sqrt(ratios) * scales).reshape(-1)
    base = np.round(np.stack([-ws, -hs, ws, hs], axis=1) / 2)
    sx, sy = np.meshgrid(np.arange(feature_width) * stride, np.arange(feature_height) * stride)
    sx, sy = sx.T.ravel(), sy.T.ravel()
    shifts = np.stack([sx, sy, sx, sy], axis=1).astype(np.float64)
    return (shifts[:, None, :] + base[None, :, :]).reshape(-1, 4)
