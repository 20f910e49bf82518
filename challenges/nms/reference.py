"""Reference greedy NMS: visit by descending score (ties: lower index first), keep a box
unless it overlaps an already-kept box with IoU strictly above the threshold."""


def _iou(a, b):
    overlap_w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    overlap_h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    intersection = overlap_w * overlap_h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - intersection
    if union == 0:
        return 0.0
    return intersection / union


def nms(boxes, scores, iou_threshold):
    boxes = [tuple(float(v) for v in box) for box in boxes]
    scores = [float(s) for s in scores]
    # sorted() is stable, so equal scores keep their original (ascending index) order.
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    kept = []
    for i in order:
        if all(_iou(boxes[i], boxes[k]) <= iou_threshold for k in kept):
            kept.append(i)
    return kept
