"""Return an answer far larger than any frame or memory allows."""


def iou(box_a, box_b):
    return list(range(50_000_000))
