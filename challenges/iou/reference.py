"""Reference IoU of two axis-aligned boxes in continuous (x1, y1, x2, y2) coordinates."""


def iou(box_a, box_b):
    ax1, ay1, ax2, ay2 = box_a
    bx1, by1, bx2, by2 = box_b
    # The overlap on each axis is clamped at 0: separated boxes must not produce a
    # negative (or, with two negatives, a positive) intersection.
    overlap_w = max(0.0, min(ax2, bx2) - max(ax1, bx1))
    overlap_h = max(0.0, min(ay2, by2) - max(ay1, by1))
    intersection = overlap_w * overlap_h
    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - intersection
    if union == 0:
        return 0.0
    return intersection / union
