"""Never return."""


def iou(box_a, box_b):
    while True:
        pass
