"""Plain loops only: pick the best remaining box by hand, compare it with the kept ones."""


def box_iou(a, b):
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union


def nms(boxes, scores, iou_threshold):
    n = len(scores)
    remaining = list(range(n))
    order = []
    while remaining:
        best = remaining[0]
        for i in remaining:
            if scores[i] > scores[best]:  # strict: the lower index wins a tie
                best = i
        order.append(best)
        remaining.remove(best)
    keep = []
    for i in order:
        suppressed = False
        for k in keep:
            if box_iou(boxes[i], boxes[k]) > iou_threshold:
                suppressed = True
                break
        if not suppressed:
            keep.append(i)
    return keep
