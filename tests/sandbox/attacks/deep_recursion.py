"""Recurse until the C stack gives out."""
import sys

sys.setrecursionlimit(10**7)


def dive(n):
    return dive(n + 1) + 1


def iou(box_a, box_b):
    return float(dive(0))
