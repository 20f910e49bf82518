"""Loops over range(number of distinct classes), assuming ids run 0, 1, 2, ...: classes with
larger ids are never looked at."""
# expect: wrong_answer


def _iou(a, b):
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def batched_nms(boxes, scores, class_ids, iou_threshold):
    kept = []
    for c in range(len(set(class_ids.tolist()))):
        members = sorted((i for i in range(len(scores)) if class_ids[i] == c),
                         key=lambda i: (-scores[i], i))
        keep = []
        for i in members:
            if all(_iou(boxes[i], boxes[k]) <= iou_threshold for k in keep):
                keep.append(i)
        kept += keep
    return sorted(kept, key=lambda i: (-scores[i], i))
