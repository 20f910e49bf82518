"""Block the import for an hour."""
import time

time.sleep(3600)


def iou(box_a, box_b):
    return 0.0
