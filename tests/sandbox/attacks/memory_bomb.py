"""Touch far more memory than the container may have."""


def iou(box_a, box_b):
    hoard = []
    while True:
        hoard.append(bytearray(b"x" * (64 * 1024 * 1024)))
