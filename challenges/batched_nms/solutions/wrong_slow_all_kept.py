"""Compares each box with every kept box of every class and only then checks the class:
correct, but about fifty times the work on the large input."""
# expect: time_limit_exceeded


def _iou(a, b):
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def batched_nms(boxes, scores, class_ids, iou_threshold):
    boxes, classes = boxes.tolist(), class_ids.tolist()
    kept = []
    for i in sorted(range(len(scores)), key=lambda i: (-scores[i], i)):
        if all(_iou(boxes[i], boxes[k]) <= iou_threshold or classes[k] != classes[i]
               for k in kept):
            kept.append(i)
    return kept
