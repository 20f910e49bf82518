"""Broadcasting in numpy: (ratios x sizes) base anchors plus (H*W) shifts, as torchvision does."""
import numpy as np


def generate_anchors(feature_height, feature_width, stride, sizes, aspect_ratios):
    scales = np.asarray(sizes, dtype=np.float64)
    ratios = np.asarray(aspect_ratios, dtype=np.float64)
    h_ratios = np.sqrt(ratios)
    w_ratios = 1 / h_ratios
    ws = (w_ratios[:, None] * scales[None, :]).reshape(-1)
    hs = (h_ratios[:, None] * scales[None, :]).reshape(-1)
    base = np.round(np.stack([-ws, -hs, ws, hs], axis=1) / 2)
    shift_x = np.arange(feature_width, dtype=np.float64) * stride
    shift_y = np.arange(feature_height, dtype=np.float64) * stride
    sy, sx = np.meshgrid(shift_y, shift_x, indexing="ij")
    shifts = np.stack([sx.ravel(), sy.ravel(), sx.ravel(), sy.ravel()], axis=1)
    return (shifts[:, None, :] + base[None, :, :]).reshape(-1, 4)
