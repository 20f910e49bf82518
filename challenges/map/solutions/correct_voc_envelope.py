"""Correct: VOC-style sentinel envelope (recall 0..1, precision 0) and threshold test inter >= t*union."""
from collections import defaultdict


def mean_average_precision(detections, ground_truths, iou_threshold=0.5):
    gt_by_class = defaultdict(lambda: defaultdict(list))
    n_gt = defaultdict(int)
    for img, cls, *box in ground_truths:
        gt_by_class[cls][img].append({"box": box, "used": False})
        n_gt[cls] += 1
    aps = []
    for cls in n_gt:
        dets = [d for d in detections if d[1] == cls]
        dets.sort(key=lambda d: d[2], reverse=True)  # stable even with reverse=True
        tp = []
        for img, _, _, x1, y1, x2, y2 in dets:
            best = None
            best_key = None
            for g in gt_by_class[cls].get(img, []):
                if g["used"]:
                    continue
                gx1, gy1, gx2, gy2 = g["box"]
                iw = max(0.0, min(x2, gx2) - max(x1, gx1))
                ih = max(0.0, min(y2, gy2) - max(y1, gy1))
                inter = iw * ih
                union = (x2 - x1) * (y2 - y1) + (gx2 - gx1) * (gy2 - gy1) - inter
                value = inter / union if union > 0 else 0.0
                if best is None or value > best_key:
                    best, best_key, best_pair = g, value, (inter, union)
            inter, union = best_pair if best is not None else (0.0, 0.0)
            ok = best is not None and union > 0 and inter > 0 and inter >= iou_threshold * union
            if ok:
                best["used"] = True
            tp.append(1 if ok else 0)
        rec, prec, c = [], [], 0
        for k, t in enumerate(tp):
            c += t
            rec.append(c / n_gt[cls])
            prec.append(c / (k + 1))
        mrec = [0.0] + rec + [1.0]
        mpre = [0.0] + prec + [0.0]
        for i in range(len(mpre) - 2, -1, -1):
            mpre[i] = max(mpre[i], mpre[i + 1])
        ap = sum((mrec[i + 1] - mrec[i]) * mpre[i + 1]
                 for i in range(len(mrec) - 1) if mrec[i + 1] != mrec[i])
        aps.append(ap)
    return sum(aps) / len(aps) if aps else 0.0
