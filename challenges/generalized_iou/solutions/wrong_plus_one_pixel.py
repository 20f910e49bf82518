"""Uses the inclusive-pixel convention: every side, of A, B, the overlap and C, gets +1."""
# expect: wrong_answer


def generalized_iou(box_a, box_b):
    ax1, ay1, ax2, ay2 = box_a
    bx1, by1, bx2, by2 = box_b
    w = max(0.0, min(ax2, bx2) - max(ax1, bx1) + 1)
    h = max(0.0, min(ay2, by2) - max(ay1, by1) + 1)
    inter = w * h
    union = (ax2 - ax1 + 1) * (ay2 - ay1 + 1) + (bx2 - bx1 + 1) * (by2 - by1 + 1) - inter
    hull = (max(ax2, bx2) - min(ax1, bx1) + 1) * (max(ay2, by2) - min(ay1, by1) + 1)
    return inter / union - (hull - union) / hull
