"""Sleep 1.5 s in every call, then answer correctly: under each call's limits, but the
grading must still end soon, as time_limit_exceeded."""
import time


def iou(box_a, box_b):
    time.sleep(1.5)
    iw = max(0.0, min(box_a[2], box_b[2]) - max(box_a[0], box_b[0]))
    ih = max(0.0, min(box_a[3], box_b[3]) - max(box_a[1], box_b[1]))
    inter = iw * ih
    union = ((box_a[2] - box_a[0]) * (box_a[3] - box_a[1])
             + (box_b[2] - box_b[0]) * (box_b[3] - box_b[1]) - inter)
    return inter / union if union > 0 else 0.0
