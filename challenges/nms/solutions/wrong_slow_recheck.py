"""After each kept box, re-filters every remaining box against all kept boxes: O(N^3)."""
# expect: time_limit_exceeded


def _iou(a, b):
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def nms(boxes, scores, iou_threshold):
    boxes = boxes.tolist()
    remaining = sorted(range(len(scores)), key=lambda i: -scores[i])
    keep = []
    while remaining:
        keep.append(remaining[0])
        remaining = [j for j in remaining[1:]
                     if all(_iou(boxes[j], boxes[k]) <= iou_threshold for k in keep)]
    return keep
