"""Detection-evaluation counterexamples: one panel per image, detections matched to
ground truths.
"""
from markupsafe import Markup

from judge.figures import markup as m
from judge.geometry import float_iou

MAX_IMAGES = 6  # detection panels drawn; more would bury the one that matters


def match_detections(detections: list, ground_truths: list, iou_threshold: float):
    """The map statement's greedy matching, to show where the points come from.

    Detections are visited by descending score (ties in input order); each takes the still
    unmatched ground truth of its image and class with the highest IoU (ties: the first), and is
    a true positive when that IoU is >= the threshold. Returns (true positive per detection,
    matched per ground truth).
    """
    true_positive = [False] * len(detections)
    matched = [False] * len(ground_truths)
    for d in sorted(range(len(detections)), key=lambda i: -detections[i][2]):
        image, cls, _score, *box = detections[d]
        best, best_iou = None, -1.0
        for g, (g_image, g_cls, *g_box) in enumerate(ground_truths):
            if not matched[g] and (g_image, g_cls) == (image, cls):
                overlap = float_iou(box, g_box)
                if overlap > best_iou:
                    best, best_iou = g, overlap
        if best is not None and best_iou >= iou_threshold:
            true_positive[d] = matched[best] = True
    return true_positive, matched


def _image_panel(image: float, detections: list, hits: list, ground_truths: list,
                 matched: list) -> Markup:
    """One image: ground truths dashed (green matched, orange missed), detections solid
    (green true positive, red false positive) labelled with class and score."""
    dets = [(row, hit) for row, hit in zip(detections, hits) if row[0] == image]
    gts = [(row, hit) for row, hit in zip(ground_truths, matched) if row[0] == image]
    frame = m.frame([row[3:] for row, _ in dets] + [row[2:] for row, _ in gts])
    body, labels = [], m.Labels(frame)
    for row, hit in gts:
        box, classes = row[2:], "fig-gt " + ("fig-matched" if hit else "fig-missed")
        body.append(m.rect(box, frame, classes, m.GREEN if hit else m.ORANGE, dashed=True))
        body.append(labels.at(min(box[0], box[2]) + 0.5 * frame.unit,  # bottom-left, inside
                              max(box[1], box[3]) - frame.unit, f"c{m.num(row[1])}"))
    for row, hit in dets:
        classes = "fig-det " + ("fig-tp" if hit else "fig-fp")
        body.append(m.rect(row[3:], frame, classes, m.GREEN if hit else m.RED))
        body.append(labels.top_left(row[3:], f"c{m.num(row[1])} {m.num(row[2], 3)}", inside=False))
    title = f"image {m.num(image)}"
    return m.panel(title, m.svg(frame, f"{title}: detections and ground truths", body),
                  f"{m.plural(len(dets), 'detection')}, {m.plural(len(gts), 'ground truth')}")


def draw(counterexample: dict) -> Markup | None:
    """One panel per image showing which detections matched which ground truths."""
    inputs = m.inputs(counterexample)
    detections = m.rows(inputs.get("detections"), 7)
    ground_truths = m.rows(inputs.get("ground_truths"), 6)
    threshold = m.number(inputs.get("iou_threshold"))
    if detections is None or ground_truths is None or threshold is None:
        return None
    if not detections and not ground_truths:
        return None
    hits, matched = match_detections(detections, ground_truths, threshold)
    images = sorted({row[0] for row in detections + ground_truths})
    panels = [_image_panel(image, detections, hits, ground_truths, matched)
              for image in images[:MAX_IMAGES]]
    tp, missed = sum(hits), matched.count(False)
    legend = m.legend([
        ("fig-swatch-tp", f"{m.plural(tp, 'true positive')} (solid green)"),
        ("fig-swatch-fp", f"{m.plural(len(hits) - tp, 'false positive')} (solid red)"),
        ("fig-swatch-matched", "matched ground truth (dashed green)"),
        ("fig-swatch-missed", f"{m.plural(missed, 'missed ground truth')} (dashed orange)")])
    notes = [f"Matched greedily by score at IoU ≥ {m.num(threshold)}; labels give class and "
             f"score. Expected mAP {m.brief(counterexample.get('expected'))}, "
             f"got {m.brief(counterexample.get('got'))}."]
    if len(images) > MAX_IMAGES:
        notes.append(f"Showing {MAX_IMAGES} of {len(images)} images.")
    return m.figure("detections", m.panels(panels), legend, *map(m.note, notes))
