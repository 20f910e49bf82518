"""Reference generalized IoU: the IoU minus the share of the enclosing box that neither box
covers, GIoU = IoU - (|C| - |A u B|) / |C|."""


def generalized_iou(box_a, box_b):
    ax1, ay1, ax2, ay2 = (float(v) for v in box_a)
    bx1, by1, bx2, by2 = (float(v) for v in box_b)
    # Each overlap side is clamped on its own: apart on both axes must not give a positive area.
    overlap_w = max(0.0, min(ax2, bx2) - max(ax1, bx1))
    overlap_h = max(0.0, min(ay2, by2) - max(ay1, by1))
    intersection = overlap_w * overlap_h
    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - intersection
    # C, the smallest axis-aligned box holding both: never smaller than the union, and
    # positive because both boxes have positive area.
    enclosing = (max(ax2, bx2) - min(ax1, bx1)) * (max(ay2, by2) - min(ay1, by1))
    return intersection / union - (enclosing - union) / enclosing
