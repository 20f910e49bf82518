"""Reference mean average precision (all-point interpolation) over classes with ground truths."""
from collections import defaultdict


def iou(a, b):
    """IoU of two (x1, y1, x2, y2) boxes in continuous coordinates; 0.0 when the union is 0."""
    overlap_w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    overlap_h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    intersection = overlap_w * overlap_h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - intersection
    return intersection / union if union > 0 else 0.0


def average_precision(hits, n_ground_truths):
    """Area under the interpolated precision-recall curve of one class.

    hits: True/False per detection in visiting order (true or false positive).
    """
    precisions, recalls = [], []
    true_pos = 0
    for rank, hit in enumerate(hits, start=1):
        true_pos += hit
        precisions.append(true_pos / rank)
        recalls.append(true_pos / n_ground_truths)
    # Interpolate: the precision at a point is the best precision at that recall or beyond.
    for k in range(len(precisions) - 2, -1, -1):
        precisions[k] = max(precisions[k], precisions[k + 1])
    area, previous_recall = 0.0, 0.0
    for precision, recall in zip(precisions, recalls):
        area += (recall - previous_recall) * precision
        previous_recall = recall
    return area


def class_hits(detections, ground_truths, iou_threshold):
    """Match one class's detections greedily by descending score; return TP/FP flags."""
    by_image = defaultdict(list)  # image_id -> boxes, in ground_truths order
    for image_id, *box in ground_truths:
        by_image[image_id].append(tuple(box))
    matched = {image_id: [False] * len(boxes) for image_id, boxes in by_image.items()}
    # sorted() is stable, so detections with equal scores keep their input order.
    order = sorted(detections, key=lambda det: -det[1])
    hits = []
    for image_id, _score, *box in order:
        best, best_iou = None, -1.0
        for index, gt_box in enumerate(by_image.get(image_id, [])):
            if matched[image_id][index]:
                continue  # a ground truth is matched at most once
            overlap = iou(box, gt_box)
            if overlap > best_iou:  # strict: ties keep the lower index
                best, best_iou = index, overlap
        hit = best is not None and best_iou >= iou_threshold
        if hit:
            matched[image_id][best] = True
        hits.append(hit)
    return hits


def mean_average_precision(detections, ground_truths, iou_threshold=0.5):
    gts_by_class = defaultdict(list)
    for image_id, class_id, x1, y1, x2, y2 in ground_truths:
        gts_by_class[class_id].append((image_id, x1, y1, x2, y2))
    dets_by_class = defaultdict(list)
    for image_id, class_id, score, x1, y1, x2, y2 in detections:
        dets_by_class[class_id].append((image_id, score, x1, y1, x2, y2))
    if not gts_by_class:
        return 0.0
    total = 0.0
    for class_id, gts in gts_by_class.items():
        hits = class_hits(dets_by_class.get(class_id, []), gts, iou_threshold)
        total += average_precision(hits, len(gts))
    return total / len(gts_by_class)
