"""Detection-evaluation counterexamples: one panel per image, detections matched to
ground truths. The submission returns only a number, so its own matching is inferred: when
its mAP is exactly what one of the usual slips (SLIPS) gives, that matching is drawn beside
the expected one.
"""
from markupsafe import Markup

from judge.figures import markup as m
from judge.geometry import float_iou

MAX_IMAGES = 6  # detection panels drawn; more would bury the one that matters


def match_detections(detections: list, ground_truths: list, iou_threshold: float, *,
                     strict: bool = False, reuse: bool = False, reverse_ties: bool = False,
                     first_above: bool = False):
    """The map statement's greedy matching, to show where the points come from.

    Detections are visited by descending score (ties in input order); each takes the still
    unmatched ground truth of its image and class with the highest IoU (ties: the first), and is
    a true positive when that IoU is >= the threshold. Returns (true positive per detection,
    matched per ground truth). The keyword flags make the usual slips instead (see SLIPS).
    """
    true_positive = [False] * len(detections)
    matched = [False] * len(ground_truths)
    order = sorted(range(len(detections)),
                   key=lambda i: (-detections[i][2], -i if reverse_ties else i))
    for d in order:
        image, cls, _score, *box = detections[d]
        best, best_iou = None, -1.0
        for g, (g_image, g_cls, *g_box) in enumerate(ground_truths):
            if (reuse or not matched[g]) and (g_image, g_cls) == (image, cls):
                overlap = float_iou(box, g_box)
                if first_above and _hit(overlap, iou_threshold, strict):
                    best, best_iou = g, overlap
                    break
                if overlap > best_iou:
                    best, best_iou = g, overlap
        if best is not None and _hit(best_iou, iou_threshold, strict):
            true_positive[d] = matched[best] = True
    return true_positive, matched


def _hit(overlap: float, threshold: float, strict: bool) -> bool:
    return overlap > threshold if strict else overlap >= threshold


# What a wrong mAP most often did instead; the figure draws the first whose mAP equals `got`.
SLIPS = (
    ({"strict": True}, "IoU > threshold (should be >=)"),
    ({"reuse": True}, "a ground truth matched more than once"),
    ({"reverse_ties": True}, "equal scores visited last-first"),
    ({"first_above": True}, "the first ground truth over the threshold, not the best"),
)


def mean_ap(detections: list, ground_truths: list, hits: list) -> float:
    """mAP (all-point interpolation over classes with ground truths) of a given matching."""
    classes = sorted({row[1] for row in ground_truths})
    if not classes:
        return 0.0
    total = 0.0
    for cls in classes:
        count = sum(row[1] == cls for row in ground_truths)
        order = sorted((i for i, row in enumerate(detections) if row[1] == cls),
                       key=lambda i: -detections[i][2])
        precisions, recalls, true_pos = [], [], 0
        for rank, i in enumerate(order, start=1):
            true_pos += hits[i]
            precisions.append(true_pos / rank)
            recalls.append(true_pos / count)
        for k in range(len(precisions) - 2, -1, -1):
            precisions[k] = max(precisions[k], precisions[k + 1])
        previous = 0.0
        for precision, recall in zip(precisions, recalls):
            total += (recall - previous) * precision
            previous = recall
    return total / len(classes)


def explained_by(detections: list, ground_truths: list, threshold: float, got, expected):
    """(label, hits, matched) of the first slip that gives exactly `got`; None if none does."""
    answer, want = m.number(got), m.number(expected)
    if answer is None or (want is not None and abs(answer - want) <= 1e-9 + 1e-6 * abs(want)):
        return None
    for options, text in SLIPS:
        hits, matched = match_detections(detections, ground_truths, threshold, **options)
        value = mean_ap(detections, ground_truths, hits)
        if abs(value - answer) <= 1e-9 + 1e-6 * abs(answer):
            return text, hits, matched
    return None


def _image_panel(image: float, detections: list, hits: list, ground_truths: list,
                 matched: list, title: str = "") -> Markup:
    """One image: ground truths dashed (green matched, orange missed), detections solid
    (green true positive, red false positive) labelled with class and score."""
    dets = [(row, hit) for row, hit in zip(detections, hits) if row[0] == image]
    gts = [(row, hit) for row, hit in zip(ground_truths, matched) if row[0] == image]
    boxes = [row[3:] for row, _ in dets] + [row[2:] for row, _ in gts]
    frame = m.spread_frame(boxes)
    copy = m.copies(boxes)  # identical boxes (detections first, then ground truths) fan out
    drawn = [m.fanned(box, k, frame) for box, k in zip(boxes, copy)]
    body, labels = [], m.Labels(frame)
    for (row, hit), box in zip(gts, drawn[len(dets):]):
        classes, colour = "fig-gt " + ("fig-matched" if hit else "fig-missed"), (
            m.GREEN if hit else m.ORANGE)
        body.append(m.rect(box, frame, classes, colour, dashed=True))
        if m.zero_area(box):
            body.append(m.zero_area_mark(box, frame, colour))
        body.append(labels.at(min(box[0], box[2]) + 0.5 * frame.unit,  # bottom-left, inside
                              max(box[1], box[3]) - frame.unit, f"c{m.num(row[1])}"))
    for (row, hit), box in zip(dets, drawn):
        classes, colour = "fig-det " + ("fig-tp" if hit else "fig-fp"), m.GREEN if hit else m.RED
        body.append(m.rect(box, frame, classes, colour))
        if m.zero_area(box):
            body.append(m.zero_area_mark(box, frame, colour))
        body.append(labels.top_left(box, f"c{m.num(row[1])} {m.num(row[2], 3)}", inside=False))
    title = f"image {m.num(image)}" + (f": {title}" if title else "")
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
    slip = explained_by(detections, ground_truths, threshold, counterexample.get("got"),
                        counterexample.get("expected"))
    panels = []
    for image in images[:MAX_IMAGES if slip is None else MAX_IMAGES // 2]:
        panels.append(_image_panel(image, detections, hits, ground_truths, matched,
                                   "expected" if slip else ""))
        if slip is not None:  # the submitted decision beside the expected one
            panels.append(_image_panel(image, detections, slip[1], ground_truths, slip[2],
                                       "as your answer"))
    tp, missed = sum(hits), matched.count(False)
    entries = [  # only what is drawn: a legend line for a box nobody can see misleads
        (tp, "fig-swatch-tp", f"{m.plural(tp, 'true positive')} (solid green)"),
        (len(hits) - tp, "fig-swatch-fp",
         f"{m.plural(len(hits) - tp, 'false positive')} (solid red)"),
        (len(matched) - missed, "fig-swatch-matched", "matched ground truth (dashed green)"),
        (missed, "fig-swatch-missed", f"{m.plural(missed, 'missed ground truth')} (dashed orange)"),
        (sum(m.zero_area(row[-4:]) for row in detections + ground_truths), "fig-swatch-zero",
         "× zero-area box (a point or a segment)")]
    legend = m.legend([(swatch, text) for count, swatch, text in entries if count])
    notes = [f"Matched greedily by score at IoU ≥ {m.num(threshold)}; labels give class and "
             f"score. Expected mAP {m.brief(counterexample.get('expected'))}, "
             f"got {m.brief(counterexample.get('got'))}."]
    if slip is not None:
        notes.append(f"Your mAP is exactly what this matching gives with {slip[0]}: the "
                     "\"as your answer\" panels draw it beside the expected one.")
    elif m.number(counterexample.get("got")) is not None and counterexample.get("got") != \
            counterexample.get("expected"):
        notes.append("The function returns only a number, so its matching cannot be drawn; "
                     "none of the usual slips (IoU > threshold, a ground truth matched twice, "
                     "ties visited last-first, the first match instead of the best) gives it.")
    shown = MAX_IMAGES if slip is None else MAX_IMAGES // 2
    if len(images) > shown:
        notes.append(f"Showing {shown} of {len(images)} images.")
    return m.figure("detections", m.panels(panels), legend, *map(m.note, notes))
