"""Wrong: 11-point interpolated AP (VOC 2007) instead of all-point interpolation."""
# expect: wrong_answer


def iou(a, b):
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def mean_average_precision(detections, ground_truths, iou_threshold=0.5):
    gts = {}
    count = {}
    for image_id, class_id, x1, y1, x2, y2 in ground_truths:
        gts.setdefault((image_id, class_id), []).append([(x1, y1, x2, y2), False])
        count[class_id] = count.get(class_id, 0) + 1
    if not count:
        return 0.0
    order = sorted(range(len(detections)), key=lambda i: -detections[i][2])
    hits = {c: [] for c in count}
    for i in order:
        image_id, class_id, score, x1, y1, x2, y2 = detections[i]
        if class_id not in count:
            continue
        best, best_iou = None, -1.0
        for entry in gts.get((image_id, class_id), []):
            if entry[1]:
                continue
            value = iou((x1, y1, x2, y2), entry[0])
            if value > best_iou:
                best, best_iou = entry, value
        if best is not None and best_iou >= iou_threshold:
            best[1] = True
            hits[class_id].append(1)
        else:
            hits[class_id].append(0)
    total = 0.0
    for class_id, flags in hits.items():
        n = count[class_id]
        precision, recall, tp = [], [], 0
        for k, flag in enumerate(flags):
            tp += flag
            precision.append(tp / (k + 1))
            recall.append(tp / n)
        for k in range(len(precision) - 2, -1, -1):
            if precision[k + 1] > precision[k]:
                precision[k] = precision[k + 1]
        ap = 0.0
        for t in range(11):
            level = t / 10
            best = [p for p, r in zip(precision, recall) if r >= level]
            ap += (max(best) if best else 0.0) / 11
        total += ap
    return total / len(count)
