"""Loops over sizes outside and ratios inside, so the base anchors come out in another order."""
# expect: wrong_answer
import math


def generate_anchors(feature_height, feature_width, stride, sizes, aspect_ratios):
    base = []
    for size in sizes:
        for ratio in aspect_ratios:
            w = size / math.sqrt(ratio)
            h = size * math.sqrt(ratio)
            base.append((round(-w / 2), round(-h / 2), round(w / 2), round(h / 2)))
    rows = []
    for y in range(feature_height):
        for x in range(feature_width):
            for x1, y1, x2, y2 in base:
                rows.append([x1 + x * stride, y1 + y * stride, x2 + x * stride, y2 + y * stride])
    return rows
