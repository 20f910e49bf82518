"""Correct answers, but the printed output is not valid UTF-8."""
import os
import sys


def iou(box_a, box_b):
    sys.stdout.buffer.write(b"\xff\xfe\xc3\x28 not utf-8 \xed\xa0\x80\n")
    sys.stdout.flush()
    os.write(2, b"\x80\x81\n")
    ix = max(0.0, min(box_a[2], box_b[2]) - max(box_a[0], box_b[0]))
    iy = max(0.0, min(box_a[3], box_b[3]) - max(box_a[1], box_b[1]))
    inter = ix * iy
    union = ((box_a[2] - box_a[0]) * (box_a[3] - box_a[1])
             + (box_b[2] - box_b[0]) * (box_b[3] - box_b[1]) - inter)
    return inter / union if union > 0 else 0.0
