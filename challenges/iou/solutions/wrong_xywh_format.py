"""Reads the boxes as (x, y, width, height) instead of two corners."""
# expect: wrong_answer


def iou(box_a, box_b):
    ax, ay, aw, ah = box_a
    bx, by, bw, bh = box_b
    w = max(0.0, min(ax + aw, bx + bw) - max(ax, bx))
    h = max(0.0, min(ay + ah, by + bh) - max(ay, by))
    inter = w * h
    union = aw * ah + bw * bh - inter
    if union == 0:
        return 0.0
    return inter / union
