"""Per-axis intervals: overlap and span of the two intervals on each axis."""


def _overlap(lo1, hi1, lo2, hi2):
    return max(0.0, min(hi1, hi2) - max(lo1, lo2))


def _span(lo1, hi1, lo2, hi2):
    return max(hi1, hi2) - min(lo1, lo2)


def generalized_iou(box_a, box_b):
    xs = (box_a[0], box_a[2], box_b[0], box_b[2])
    ys = (box_a[1], box_a[3], box_b[1], box_b[3])
    inter = _overlap(*xs) * _overlap(*ys)
    area_a = (box_a[2] - box_a[0]) * (box_a[3] - box_a[1])
    area_b = (box_b[2] - box_b[0]) * (box_b[3] - box_b[1])
    union = area_a + area_b - inter
    hull = _span(*xs) * _span(*ys)
    empty = hull - union
    return inter / union - empty / hull
