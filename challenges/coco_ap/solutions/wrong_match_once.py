"""Matches detections to ground truths once, at IoU 0.50, and reuses that matching at the
higher thresholds (a hit there when its matched IoU is high enough)."""
# expect: wrong_answer
from bisect import bisect_left


def _iou(a, b):
    iw = min(a[2], b[2]) - max(a[0], b[0])
    ih = min(a[3], b[3]) - max(a[1], b[1])
    if iw <= 0 or ih <= 0:
        return 0.0
    inter = iw * ih
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def _ap_101(hits, n_gt):
    precision, recall, tp = [], [], 0
    for i, hit in enumerate(hits):
        tp += hit
        precision.append(tp / (i + 1))
        recall.append(tp / n_gt)
    for i in range(len(precision) - 2, -1, -1):
        precision[i] = max(precision[i], precision[i + 1])
    ks = [bisect_left(recall, j / 100) for j in range(101)]
    return sum(precision[k] for k in ks if k < len(recall)) / 101


def coco_ap(detections, ground_truths):
    gts = {}
    for image, cls, *box in ground_truths:
        gts.setdefault((cls, image), []).append(box)
    classes = sorted({c for c, _ in gts})
    if not classes:
        return 0.0
    groups = {}
    for index, (image, cls, score, *box) in enumerate(detections):
        groups.setdefault((cls, image), []).append((-score, index, image, box))
    total = 0.0
    for cls in classes:
        n_gt = sum(len(v) for (c, _), v in gts.items() if c == cls)
        kept = sorted(d for (c, _), items in groups.items() if c == cls for d in sorted(items)[:100])
        matched_iou, used = [], set()
        for _, _, image, box in kept:  # one matching, at 0.5
            best, best_iou = -1, -1.0
            for g, gt in enumerate(gts.get((cls, image), [])):
                value = _iou(box, gt)
                if (image, g) not in used and value > best_iou:
                    best, best_iou = g, value
            if best >= 0 and best_iou >= 0.5:
                used.add((image, best))
                matched_iou.append(best_iou)
            else:
                matched_iou.append(0.0)
        for k in range(10):
            threshold = (50 + 5 * k) / 100
            total += _ap_101([v >= threshold for v in matched_iou], n_gt)
    return total / (10 * len(classes))
