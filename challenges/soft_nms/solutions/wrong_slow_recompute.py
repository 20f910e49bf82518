"""Recomputes every candidate's score from its input score and all boxes selected so far on
every round: the right answer, but cubic time."""
# expect: time_limit_exceeded
import math


def _iou(a, b):
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def soft_nms(boxes, scores, sigma=0.5, score_threshold=0.001):
    boxes, scores = boxes.tolist(), scores.tolist()
    selected, picked, gone = [], [], set()
    while True:
        best, best_score = None, None
        for i in range(len(scores)):
            if i in gone or i in selected:
                continue
            s = scores[i]
            for m in selected:  # the decays so far, replayed in selection order
                s *= math.exp(-_iou(boxes[m], boxes[i]) ** 2 / sigma)
            if s < score_threshold:
                gone.add(i)
            elif best is None or s > best_score:
                best, best_score = i, s
        if best is None:
            return picked
        selected.append(best)
        picked.append((best, best_score))
