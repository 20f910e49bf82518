"""Reference COCO-style AP@[.50:.05:.95]: per class and threshold, top 100 detections per
image, greedy matching, 101-point interpolated precision; the mean over both."""
from collections import defaultdict

THRESHOLDS = [(50 + 5 * k) / 100 for k in range(10)]
RECALL_LEVELS = [j / 100 for j in range(101)]
MAX_PER_IMAGE = 100


def iou(a, b):
    """IoU of two (x1, y1, x2, y2) boxes in continuous coordinates; 0.0 when the union is 0."""
    overlap_w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    overlap_h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    intersection = overlap_w * overlap_h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - intersection
    return intersection / union if union > 0 else 0.0


def sampled_precision(hits, n_ground_truths):
    """Mean over the 101 recall levels of the precision envelope at the first point whose
    recall reaches the level (0 where none does)."""
    precisions, recalls, true_pos = [], [], 0
    for rank, hit in enumerate(hits, start=1):
        true_pos += hit
        precisions.append(true_pos / rank)
        recalls.append(true_pos / n_ground_truths)
    for k in range(len(precisions) - 2, -1, -1):
        precisions[k] = max(precisions[k], precisions[k + 1])
    total, k = 0.0, 0
    for level in RECALL_LEVELS:
        while k < len(recalls) and recalls[k] < level:
            k += 1
        if k == len(recalls):
            break
        total += precisions[k]
    return total / len(RECALL_LEVELS)


def class_ap(detections, ground_truths):
    """Mean AP over the ten thresholds for one class.

    detections: (input index, image_id, score, box); ground_truths: image_id -> boxes.
    """
    per_image = defaultdict(list)
    for det in detections:
        per_image[det[1]].append(det)
    kept = []
    for image_dets in per_image.values():  # the 100 best of each image, ties by input order
        kept += sorted(image_dets, key=lambda d: (-d[2], d[0]))[:MAX_PER_IMAGE]
    kept.sort(key=lambda d: (-d[2], d[0]))  # pooled order; within an image, its score order
    overlaps = [[iou(box, gt) for gt in ground_truths.get(image_id, [])]
                for _, image_id, _, box in kept]
    n_ground_truths = sum(len(boxes) for boxes in ground_truths.values())
    total = 0.0
    for threshold in THRESHOLDS:
        taken = {image_id: [False] * len(boxes) for image_id, boxes in ground_truths.items()}
        hits = []
        for (_, image_id, _, _), row in zip(kept, overlaps):
            best, best_iou = None, -1.0
            for g, value in enumerate(row):
                if not taken[image_id][g] and value > best_iou:  # strict: lower index on ties
                    best, best_iou = g, value
            hit = best is not None and best_iou >= threshold
            if hit:
                taken[image_id][best] = True
            hits.append(hit)
        total += sampled_precision(hits, n_ground_truths)
    return total / len(THRESHOLDS)


def coco_ap(detections, ground_truths):
    gts = defaultdict(lambda: defaultdict(list))  # class -> image -> boxes, in input order
    for image_id, class_id, *box in ground_truths:
        gts[class_id][image_id].append(tuple(box))
    if not gts:
        return 0.0
    dets = defaultdict(list)
    for index, (image_id, class_id, score, *box) in enumerate(detections):
        dets[class_id].append((index, image_id, score, tuple(box)))
    return sum(class_ap(dets[c], gts[c]) for c in gts) / len(gts)
