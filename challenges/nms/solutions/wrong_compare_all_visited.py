"""Checks each box against every higher-scored box, including ones that were suppressed."""
# expect: wrong_answer


def _iou(a, b):
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def nms(boxes, scores, iou_threshold):
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    keep = []
    for pos, i in enumerate(order):
        if all(_iou(boxes[i], boxes[j]) <= iou_threshold for j in order[:pos]):
            keep.append(i)
    return keep
