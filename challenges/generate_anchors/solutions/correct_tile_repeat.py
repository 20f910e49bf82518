"""np.tile / np.repeat instead of broadcasting; rint rounds half to even too."""
import numpy as np


def generate_anchors(feature_height, feature_width, stride, sizes, aspect_ratios):
    ratios = np.repeat(np.asarray(aspect_ratios, dtype=float), len(sizes))
    scales = np.tile(np.asarray(sizes, dtype=float), len(aspect_ratios))
    heights = np.sqrt(ratios) * scales
    widths = (1 / np.sqrt(ratios)) * scales
    base = np.rint(np.column_stack([-widths / 2, -heights / 2, widths / 2, heights / 2]))
    count = len(base)
    xs = np.tile(np.arange(feature_width) * stride, feature_height)
    ys = np.repeat(np.arange(feature_height) * stride, feature_width)
    shifts = np.column_stack([xs, ys, xs, ys]).astype(float)
    return np.repeat(shifts, count, axis=0) + np.tile(base, (feature_height * feature_width, 1))
