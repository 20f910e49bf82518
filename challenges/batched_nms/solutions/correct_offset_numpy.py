"""The offset trick done safely: shift class k by k times (coordinate span + 1) so boxes of
different classes can never overlap, then one vectorised greedy NMS over everything."""
import numpy as np


def batched_nms(boxes, scores, class_ids, iou_threshold):
    if len(boxes) == 0:
        return []
    span = boxes.max() - boxes.min() + 1.0
    _, dense = np.unique(class_ids, return_inverse=True)  # ids 0..K-1 keep the shifts small
    shifted = boxes + (dense * span)[:, None]
    x1, y1, x2, y2 = shifted.T
    areas = (x2 - x1) * (y2 - y1)
    order = np.lexsort((np.arange(len(scores)), -scores))  # by -score, then by index
    keep = []
    while order.size:
        i, rest = order[0], order[1:]
        keep.append(int(i))
        w = np.clip(np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]), 0, None)
        h = np.clip(np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]), 0, None)
        inter = w * h
        union = areas[i] + areas[rest] - inter
        iou = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        order = rest[iou <= iou_threshold]
    return keep
