"""Return a 10 MB string (it fits in a reply): judged wrong, stored only in part."""


def iou(box_a, box_b):
    return "y" * 10_000_000
