"""Reference anchors: torchvision's AnchorGenerator for one feature map, in float64."""
import math

import numpy as np


def base_anchors(sizes, aspect_ratios):
    """The A zero-centred anchors, ratio-major: (-w/2, -h/2, w/2, h/2) rounded half to even."""
    rows = []
    for ratio in aspect_ratios:
        height_ratio = math.sqrt(ratio)
        width_ratio = 1 / height_ratio
        for size in sizes:
            ws, hs = width_ratio * size, height_ratio * size
            # Python's round() on a float rounds half to even, as torch.round does.
            rows.append([round(-ws / 2), round(-hs / 2), round(ws / 2), round(hs / 2)])
    return np.array(rows, dtype=np.float64).reshape(-1, 4)


def generate_anchors(feature_height, feature_width, stride, sizes, aspect_ratios):
    base = base_anchors(sizes, aspect_ratios)
    ys, xs = np.meshgrid(np.arange(feature_height) * stride, np.arange(feature_width) * stride,
                         indexing="ij")  # row-major locations: y outer, x inner
    xs, ys = xs.reshape(-1).astype(np.float64), ys.reshape(-1).astype(np.float64)
    shifts = np.stack([xs, ys, xs, ys], axis=1)
    return (shifts[:, None, :] + base[None, :, :]).reshape(-1, 4)
