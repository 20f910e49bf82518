"""Plain loops and lists: base anchors first, then one row per (location, anchor)."""
import math


def generate_anchors(feature_height, feature_width, stride, sizes, aspect_ratios):
    base = []
    for ratio in aspect_ratios:
        h_ratio = math.sqrt(ratio)
        w_ratio = 1 / h_ratio
        for size in sizes:
            half_w, half_h = w_ratio * size / 2, h_ratio * size / 2
            base.append((float(round(-half_w)), float(round(-half_h)),
                         float(round(half_w)), float(round(half_h))))
    anchors = []
    for y in range(feature_height):
        sy = y * stride
        for x in range(feature_width):
            sx = x * stride
            for x1, y1, x2, y2 in base:
                anchors.append([x1 + sx, y1 + sy, x2 + sx, y2 + sy])
    return anchors
