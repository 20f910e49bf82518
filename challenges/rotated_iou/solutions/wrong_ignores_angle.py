"""Ignores the angle: the ordinary IoU of the unturned rectangles."""
# expect: wrong_answer


def rotated_iou(box_a, box_b):
    (ax, ay, aw, ah, _), (bx, by, bw, bh, _) = box_a, box_b
    iw = max(0.0, min(ax + aw / 2, bx + bw / 2) - max(ax - aw / 2, bx - bw / 2))
    ih = max(0.0, min(ay + ah / 2, by + bh / 2) - max(ay - ah / 2, by - bh / 2))
    inter = iw * ih
    return inter / (aw * ah + bw * bh - inter)
