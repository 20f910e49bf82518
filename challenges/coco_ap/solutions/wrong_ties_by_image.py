"""Pools the images one after another (by image id) and sorts with a stable sort on the score alone, so equal scores are ordered by image, not by input position."""
# expect: wrong_answer
from bisect import bisect_left


def _iou(a, b):
    iw = min(a[2], b[2]) - max(a[0], b[0])
    ih = min(a[3], b[3]) - max(a[1], b[1])
    if iw <= 0 or ih <= 0:
        return 0.0
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def _ap_101(hits, n_gt):
    precision, recall, tp = [], [], 0
    for i, hit in enumerate(hits):
        tp += hit
        precision.append(tp / (i + 1))
        recall.append(tp / n_gt)
    best = 0.0
    for i in reversed(range(len(precision))):
        best = max(best, precision[i])
        precision[i] = best
    total = 0.0
    for j in range(101):
        k = bisect_left(recall, j / 100)
        if k < len(recall):
            total += precision[k]
    return total / 101


def coco_ap(detections, ground_truths):
    gt_boxes = {}  # (class, image) -> list of boxes
    for image, cls, *box in ground_truths:
        gt_boxes.setdefault((cls, image), []).append(box)
    classes = sorted({cls for cls, _ in gt_boxes})
    if not classes:
        return 0.0
    per_group = {}
    for index, (image, cls, score, *box) in enumerate(detections):
        per_group.setdefault((cls, image), []).append((-score, index, image, box))
    total = 0.0
    for cls in classes:
        n_gt = sum(len(v) for (c, _), v in gt_boxes.items() if c == cls)
        kept = []
        for (c, image), items in sorted(per_group.items(), key=lambda kv: kv[0][1]):
            if c == cls:
                kept.extend(sorted(items)[:100])
        kept.sort(key=lambda d: d[0])
        ious = [[_iou(box, g) for g in gt_boxes.get((cls, image), [])]
                for _, _, image, box in kept]
        for k in range(10):
            threshold = (50 + 5 * k) / 100
            used = set()
            hits = []
            for (_, _, image, _), row in zip(kept, ious):
                best, best_iou = -1, -1.0
                for g, value in enumerate(row):
                    if (image, g) not in used and value > best_iou:
                        best, best_iou = g, value
                if best >= 0 and best_iou >= threshold:
                    used.add((image, best))
                    hits.append(1)
                else:
                    hits.append(0)
            total += _ap_101(hits, n_gt)
    return total / (10 * len(classes))
