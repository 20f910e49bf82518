"""Reference class-aware NMS.

Visiting every box once, by descending score (ties: lower index), and comparing it only with
the boxes already kept *in its own class* is exactly greedy NMS run separately per class; and
the kept boxes come out already in the answer's order (descending score, ties by index).
"""


def _iou(a, b):
    overlap_w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    overlap_h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    intersection = overlap_w * overlap_h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - intersection
    if union == 0:
        return 0.0
    return intersection / union


def batched_nms(boxes, scores, class_ids, iou_threshold):
    boxes = [tuple(float(v) for v in box) for box in boxes]
    scores = [float(s) for s in scores]
    classes = [int(c) for c in class_ids]
    kept_in_class = {}  # class id -> boxes kept so far in that class
    kept = []
    for i in sorted(range(len(scores)), key=lambda i: (-scores[i], i)):
        same_class = kept_in_class.setdefault(classes[i], [])
        if all(_iou(boxes[i], boxes[k]) <= iou_threshold for k in same_class):
            same_class.append(i)
            kept.append(i)
    return kept
