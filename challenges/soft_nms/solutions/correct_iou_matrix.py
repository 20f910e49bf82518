"""The whole IoU matrix once (1500 x 1500 floats is 18 MB), then each round reads one row."""
import numpy as np


def soft_nms(boxes, scores, sigma=0.5, score_threshold=0.001):
    n = len(boxes)
    if n == 0:
        return []
    lt = np.maximum(boxes[:, None, :2], boxes[None, :, :2])
    rb = np.minimum(boxes[:, None, 2:], boxes[None, :, 2:])
    wh = np.clip(rb - lt, 0.0, None)
    inter = wh[..., 0] * wh[..., 1]
    areas = np.prod(boxes[:, 2:] - boxes[:, :2], axis=1)
    union = areas[:, None] + areas[None, :] - inter
    decay = np.exp(-np.divide(inter, union, out=np.zeros_like(inter), where=union > 0) ** 2
                   / sigma)
    s = scores.copy()
    left = np.flatnonzero(s >= score_threshold)
    picked = []
    while len(left):
        k = int(np.argmax(s[left]))
        m = left[k]
        picked.append((int(m), float(s[m])))
        left = np.delete(left, k)
        s[left] *= decay[m, left]
        left = left[s[left] >= score_threshold]
    return picked
