"""numpy where it helps: one IoU matrix per image, a stable argsort for the orders,
cumulative sums for precision and recall, a reversed running maximum for the envelope and
searchsorted on linspace levels; the greedy matching itself stays a loop."""
import numpy as np

THRESHOLDS = np.linspace(0.5, 0.95, 10)
LEVELS = np.linspace(0.0, 1.0, 101)


def _iou_matrix(dets, gts):
    """(len(dets), len(gts)) IoUs of two (n, 4) arrays."""
    lt = np.maximum(dets[:, None, :2], gts[None, :, :2])
    rb = np.minimum(dets[:, None, 2:], gts[None, :, 2:])
    wh = np.clip(rb - lt, 0, None)
    inter = wh[..., 0] * wh[..., 1]
    area = lambda b: (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area(dets)[:, None] + area(gts)[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def _class_ap(dets, gts, n_gt):
    """dets: (image, score, input index, box) of one class; gts: image -> (g, 4) array."""
    kept, rows = [], []
    images = sorted({d[0] for d in dets})
    for image in images:
        mine = [d for d in dets if d[0] == image]
        order = np.argsort([-d[1] for d in mine], kind="stable")[:100]
        mine = [mine[i] for i in order]
        boxes = gts.get(image)
        ious = (_iou_matrix(np.array([d[3] for d in mine]), boxes).tolist()
                if boxes is not None else [[] for _ in mine])
        kept += mine
        rows += ious
    order = np.lexsort((np.array([d[2] for d in kept]), -np.array([d[1] for d in kept]))) \
        if kept else np.zeros(0, dtype=int)
    kept = [kept[i] for i in order]
    rows = [rows[i] for i in order]
    aps = []
    for threshold in THRESHOLDS:
        taken = {image: [False] * len(g) for image, g in gts.items()}
        tp = np.zeros(len(kept))
        for i, (d, row) in enumerate(zip(kept, rows)):
            best, best_iou = -1, -1.0
            for g, value in enumerate(row):
                if not taken[d[0]][g] and value > best_iou:
                    best, best_iou = g, value
            if best >= 0 and best_iou >= threshold:
                taken[d[0]][best] = True
                tp[i] = 1
        if not kept:
            aps.append(0.0)
            continue
        tps = np.cumsum(tp)
        precision = tps / np.arange(1, len(kept) + 1)
        recall = tps / n_gt
        envelope = np.maximum.accumulate(precision[::-1])[::-1]
        where = np.searchsorted(recall, LEVELS, side="left")
        q = np.where(where < len(kept), envelope[np.minimum(where, len(kept) - 1)], 0.0)
        aps.append(q.mean())
    return float(np.mean(aps))


def coco_ap(detections, ground_truths):
    classes = sorted({g[1] for g in ground_truths})
    if not classes:
        return 0.0
    result = []
    for cls in classes:
        gts = {}
        for g in ground_truths:
            if g[1] == cls:
                gts.setdefault(g[0], []).append(g[2:])
        n_gt = sum(len(v) for v in gts.values())
        gts = {image: np.array(v, dtype=float) for image, v in gts.items()}
        dets = [(d[0], d[2], i, d[3:]) for i, d in enumerate(detections) if d[1] == cls]
        result.append(_class_ap(dets, gts, n_gt))
    return float(np.mean(result))
