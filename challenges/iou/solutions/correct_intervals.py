"""Written as a product of 1-D interval overlaps, with the union from the areas."""


def _overlap(lo1, hi1, lo2, hi2):
    return max(0.0, min(hi1, hi2) - max(lo1, lo2))


def _area(box):
    return (box[2] - box[0]) * (box[3] - box[1])


def iou(box_a, box_b):
    inter = _overlap(box_a[0], box_a[2], box_b[0], box_b[2]) * \
        _overlap(box_a[1], box_a[3], box_b[1], box_b[3])
    union = _area(box_a) + _area(box_b) - inter
    if union == 0:
        return 0.0
    return float(inter) / float(union)
