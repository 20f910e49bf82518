"""Plain Python: pick the best candidate by hand, decay the others in one pass over them."""
import math


def soft_nms(boxes, scores, sigma=0.5, score_threshold=0.001):
    boxes = boxes.tolist()
    areas = [(x2 - x1) * (y2 - y1) for x1, y1, x2, y2 in boxes]
    s = scores.tolist()
    candidates = [i for i in range(len(s)) if s[i] >= score_threshold]  # ascending index
    picked = []
    while candidates:
        best = 0
        for k in range(1, len(candidates)):
            if s[candidates[k]] > s[candidates[best]]:  # strict: the lower index wins ties
                best = k
        m = candidates.pop(best)
        picked.append((m, s[m]))
        mx1, my1, mx2, my2 = boxes[m]
        survivors = []
        for i in candidates:
            x1, y1, x2, y2 = boxes[i]
            w = min(mx2, x2) - max(mx1, x1)
            h = min(my2, y2) - max(my1, y1)
            if w > 0 and h > 0:
                inter = w * h
                iou = inter / (areas[m] + areas[i] - inter)
                s[i] *= math.exp(-iou * iou / sigma)
            if s[i] >= score_threshold:
                survivors.append(i)
        candidates = survivors
    return picked
