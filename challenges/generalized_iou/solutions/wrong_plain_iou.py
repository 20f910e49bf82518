"""Returns the IoU and forgets the enclosing-box penalty."""
# expect: wrong_answer


def generalized_iou(box_a, box_b):
    w = max(0.0, min(box_a[2], box_b[2]) - max(box_a[0], box_b[0]))
    h = max(0.0, min(box_a[3], box_b[3]) - max(box_a[1], box_b[1]))
    inter = w * h
    union = ((box_a[2] - box_a[0]) * (box_a[3] - box_a[1])
             + (box_b[2] - box_b[0]) * (box_b[3] - box_b[1]) - inter)
    return inter / union
