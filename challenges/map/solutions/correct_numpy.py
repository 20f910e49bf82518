"""Correct: numpy IoU rows per detection, cumsum for precision/recall, maximum.accumulate envelope."""
import numpy as np


def _ious(box, gts):
    w = np.clip(np.minimum(box[2], gts[:, 2]) - np.maximum(box[0], gts[:, 0]), 0, None)
    h = np.clip(np.minimum(box[3], gts[:, 3]) - np.maximum(box[1], gts[:, 1]), 0, None)
    inter = w * h
    union = (box[2] - box[0]) * (box[3] - box[1]) + \
        (gts[:, 2] - gts[:, 0]) * (gts[:, 3] - gts[:, 1]) - inter
    out = np.zeros_like(inter)
    np.divide(inter, union, out=out, where=union > 0)
    return out


def _ap(tp_flags, n_gt):
    if len(tp_flags) == 0:
        return 0.0
    tp = np.cumsum(tp_flags)
    precision = tp / np.arange(1, len(tp) + 1)
    recall = tp / n_gt
    envelope = np.maximum.accumulate(precision[::-1])[::-1]
    steps = np.diff(np.concatenate(([0.0], recall)))
    return float(np.sum(steps * envelope))


def mean_average_precision(detections, ground_truths, iou_threshold=0.5):
    if len(ground_truths) == 0:
        return 0.0
    gt = np.array([g[:2] for g in ground_truths], dtype=np.int64).reshape(-1, 2)
    gt_boxes = np.array([g[2:] for g in ground_truths], dtype=np.float64).reshape(-1, 4)
    det_meta = np.array([d[:2] for d in detections], dtype=np.int64).reshape(-1, 2)
    det_scores = np.array([d[2] for d in detections], dtype=np.float64)
    det_boxes = np.array([d[3:] for d in detections], dtype=np.float64).reshape(-1, 4)
    aps = []
    for cls in np.unique(gt[:, 1]):
        gt_idx = np.flatnonzero(gt[:, 1] == cls)
        per_image = {}
        for i in gt_idx:
            per_image.setdefault(int(gt[i, 0]), []).append(i)
        per_image = {k: np.array(v) for k, v in per_image.items()}
        used = np.zeros(len(ground_truths), dtype=bool)
        det_idx = np.flatnonzero(det_meta[:, 1] == cls) if len(detections) else np.array([], int)
        det_idx = det_idx[np.argsort(-det_scores[det_idx], kind="stable")]
        flags = np.zeros(len(det_idx))
        for k, d in enumerate(det_idx):
            cand = per_image.get(int(det_meta[d, 0]))
            if cand is None:
                continue
            cand = cand[~used[cand]]
            if len(cand) == 0:
                continue
            values = _ious(det_boxes[d], gt_boxes[cand])
            j = int(np.argmax(values))
            if values[j] >= iou_threshold:
                used[cand[j]] = True
                flags[k] = 1
        aps.append(_ap(flags, len(gt_idx)))
    return float(np.mean(aps))
