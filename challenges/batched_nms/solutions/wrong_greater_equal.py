"""Suppresses when IoU >= threshold instead of strictly greater."""
# expect: wrong_answer


def _iou(a, b):
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def batched_nms(boxes, scores, class_ids, iou_threshold):
    kept, by_class = [], {}
    for i in sorted(range(len(scores)), key=lambda i: (-scores[i], i)):
        same = by_class.setdefault(int(class_ids[i]), [])
        if all(_iou(boxes[i], boxes[k]) < iou_threshold for k in same):
            same.append(i)
            kept.append(i)
    return kept
