"""Counts unit cells to get areas when coordinates are whole numbers: time grows with box size."""
# expect: time_limit_exceeded


def _formula(box_a, box_b):
    w = max(0.0, min(box_a[2], box_b[2]) - max(box_a[0], box_b[0]))
    h = max(0.0, min(box_a[3], box_b[3]) - max(box_a[1], box_b[1]))
    inter = w * h
    union = ((box_a[2] - box_a[0]) * (box_a[3] - box_a[1])
             + (box_b[2] - box_b[0]) * (box_b[3] - box_b[1]) - inter)
    return inter / union if union else 0.0


def iou(box_a, box_b):
    if not all(float(v).is_integer() for v in (*box_a, *box_b)):
        return _formula(box_a, box_b)
    ax1, ay1, ax2, ay2 = (int(v) for v in box_a)
    bx1, by1, bx2, by2 = (int(v) for v in box_b)
    inter = union = 0
    for x in range(min(ax1, bx1), max(ax2, bx2)):
        in_a_x = ax1 <= x < ax2
        in_b_x = bx1 <= x < bx2
        for y in range(min(ay1, by1), max(ay2, by2)):
            in_a = in_a_x and ay1 <= y < ay2
            in_b = in_b_x and by1 <= y < by2
            inter += in_a and in_b
            union += in_a or in_b
    return inter / union if union else 0.0
