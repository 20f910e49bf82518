"""Counts unit cells of C to get every area when coordinates are whole numbers: the time
grows with the size of the enclosing box."""
# expect: time_limit_exceeded


def _formula(a, b):
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    inter = w * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    hull = (max(a[2], b[2]) - min(a[0], b[0])) * (max(a[3], b[3]) - min(a[1], b[1]))
    return inter / union - (hull - union) / hull


def generalized_iou(box_a, box_b):
    if not all(float(v).is_integer() for v in (*box_a, *box_b)):
        return _formula(box_a, box_b)
    ax1, ay1, ax2, ay2 = (int(v) for v in box_a)
    bx1, by1, bx2, by2 = (int(v) for v in box_b)
    inter = union = hull = 0
    for x in range(min(ax1, bx1), max(ax2, bx2)):
        in_a_x, in_b_x = ax1 <= x < ax2, bx1 <= x < bx2
        for y in range(min(ay1, by1), max(ay2, by2)):
            in_a = in_a_x and ay1 <= y < ay2
            in_b = in_b_x and by1 <= y < by2
            inter += in_a and in_b
            union += in_a or in_b
            hull += 1
    return inter / union - (hull - union) / hull
