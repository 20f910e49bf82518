"""Casts coordinates to int as if they were pixel indices, losing fractional parts."""
# expect: wrong_answer


def iou(box_a, box_b):
    ax1, ay1, ax2, ay2 = (int(v) for v in box_a)
    bx1, by1, bx2, by2 = (int(v) for v in box_b)
    w = max(0, min(ax2, bx2) - max(ax1, bx1))
    h = max(0, min(ay2, by2) - max(ay1, by1))
    inter = w * h
    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
    if union == 0:
        return 0.0
    return inter / union
