"""Plain loops: group the indices by class, run greedy NMS in each group, then merge."""


def box_iou(a, b):
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def batched_nms(boxes, scores, class_ids, iou_threshold):
    boxes, scores = boxes.tolist(), scores.tolist()
    groups = {}
    for i, c in enumerate(class_ids.tolist()):
        groups.setdefault(c, []).append(i)
    kept = []
    for members in groups.values():
        members.sort(key=lambda i: (-scores[i], i))
        keep = []
        for i in members:
            if all(box_iou(boxes[i], boxes[k]) <= iou_threshold for k in keep):
                keep.append(i)
        kept.extend(keep)
    kept.sort(key=lambda i: (-scores[i], i))
    return kept
