"""Print a gigabyte."""
import sys


def iou(box_a, box_b):
    chunk = "A" * (1024 * 1024)
    for _ in range(1024):
        sys.stdout.write(chunk)
    return 0.0
