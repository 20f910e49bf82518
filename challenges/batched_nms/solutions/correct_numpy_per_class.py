"""Vectorised per class: a stable argsort inside each class, IoU of the best box against the
rest of its class at once; the survivors are merged with one stable sort."""
import numpy as np


def _nms(boxes, scores, threshold):
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1) * (y2 - y1)
    order = np.argsort(-scores, kind="stable")
    keep = []
    while len(order):
        i, rest = order[0], order[1:]
        keep.append(i)
        w = np.maximum(0.0, np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]))
        h = np.maximum(0.0, np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]))
        inter = w * h
        union = areas[i] + areas[rest] - inter
        with np.errstate(invalid="ignore", divide="ignore"):
            iou = np.where(union > 0, inter / union, 0.0)
        order = rest[iou <= threshold]
    return np.array(keep, dtype=np.int64)


def batched_nms(boxes, scores, class_ids, iou_threshold):
    kept = [np.zeros(0, dtype=np.int64)]
    for c in np.unique(class_ids):
        members = np.flatnonzero(class_ids == c)
        kept.append(members[_nms(boxes[members], scores[members], iou_threshold)])
    kept = np.sort(np.concatenate(kept))  # ascending index, so the stable sort breaks ties
    return kept[np.argsort(-scores[kept], kind="stable")]
