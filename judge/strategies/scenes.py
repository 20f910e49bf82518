"""Detection evaluation scenes: ground truths, scored detections and an IoU threshold.

A scene is `(detections, ground_truths, iou_threshold)` with detections
`(image_id, class_id, score, x1, y1, x2, y2)` and ground truths `(image_id, class_id, x1, y1,
x2, y2)`, as the `map` and `coco_ap` challenges take them. Most boxes have small integer
coordinates: then every IoU is an exact ratio of small integers, so which ground truth a
detection prefers, and whether it clears a dyadic threshold, is decided the same way by every
correct formulation.

Knife-edges avoided (`unambiguous`): an IoU within 1e-6 of the threshold unless it equals a
dyadic threshold on integer boxes, and two candidate ground truths whose IoUs with one
detection are within 1e-6 of each other unless they are exactly equal on integer boxes (then
the lower index wins in every formulation), both zero, or come from identical boxes.
"""
from fractions import Fraction

import numpy as np
from hypothesis import assume
from hypothesis import strategies as st

from judge.geometry import exact_iou, float_iou, is_dyadic, is_integer_box, make_box
from judge.strategies.boxes import dyadic_iou_pairs, int_boxes, jitter_box, zero_area_boxes

GAP = 1e-6
THRESHOLDS = st.sampled_from([0.5, 0.5, 0.5, 0.25, 0.75, 0.375, 0.3, 0.6, 0.7])
SCORES = st.integers(1, 100).map(lambda k: k / 100)
FEW_SCORES = st.sampled_from([0.25, 0.5, 0.75])
# Built once: a composite strategy built inside a draw costs hypothesis a source lookup.
DEFAULT_BOXES = int_boxes(24, min_size=1, max_size=10)
COCO_THRESHOLDS = tuple((50 + 5 * k) / 100 for k in range(10))
# Ground-truth counts G with gcd(G, 100) = 1: no recall TP / G but 0 and 1 is a multiple of
# 1/100, so no recall lands on one of the 101 sampling levels.
COCO_GT_COUNTS = tuple(n for n in range(1, 100) if n % 2 and n % 5)


# ---------------------------------------------------------------- safety filter


def detection_is_clear(det, gt_boxes, thresholds, exact_at=()) -> bool:
    """Whether rounding could flip any matching decision for one detection box.

    Against each ground-truth box (those of its image and class), the IoU must be more than
    GAP away from every threshold, or equal to one of `exact_at` with both boxes integer;
    and two ground truths must have IoUs more than GAP apart, exactly equal with integer
    boxes, both zero, or come from identical boxes. Float IoUs settle the clear cases; exact
    ones are computed only near a decision.
    """
    det = tuple(det)
    approx = [float_iou(det, gt) for gt in gt_boxes]
    exact = {}

    def value(i):
        if i not in exact:
            exact[i] = exact_iou(det, gt_boxes[i])
        return exact[i]

    ints = [is_integer_box(det) and is_integer_box(gt) for gt in gt_boxes]
    for i, estimate in enumerate(approx):
        for threshold in thresholds:
            if abs(estimate - threshold) > 2 * GAP:
                continue
            thr = Fraction(threshold)
            if value(i) == thr:
                if not (threshold in exact_at and ints[i]):
                    return False
            elif abs(value(i) - thr) <= GAP:
                return False
    for i in range(len(gt_boxes)):
        for j in range(i + 1, len(gt_boxes)):
            if abs(approx[i] - approx[j]) > 2 * GAP:
                continue
            if value(i) == value(j):
                if not (value(i) == 0 or gt_boxes[i] == gt_boxes[j] or (ints[i] and ints[j])):
                    return False
            elif abs(value(i) - value(j)) <= GAP:
                return False
    return True


def _groups(ground_truths) -> dict:
    groups = {}
    for image_id, class_id, *box in ground_truths:
        groups.setdefault((image_id, class_id), []).append(tuple(float(v) for v in box))
    return groups


def unambiguous(detections, ground_truths, threshold) -> bool:
    """True when float rounding cannot change any matching decision in this scene.

    For every detection and every ground truth of the same image and class, the IoU must be
    more than GAP away from the threshold (or equal to a dyadic threshold with integer boxes),
    and two such ground truths must have IoUs more than GAP apart, exactly equal with integer
    boxes, both zero, or come from identical boxes.
    """
    groups = _groups(ground_truths)
    exact_at = (threshold,) if is_dyadic(threshold) else ()
    return all(detection_is_clear(det, groups.get((image_id, class_id), []), (threshold,),
                                  exact_at)
               for image_id, class_id, _score, *det in detections)


def coco_unambiguous(detections, ground_truths) -> bool:
    """`unambiguous` at all ten COCO thresholds, exact equality allowed only at 0.5."""
    groups = _groups(ground_truths)
    return all(detection_is_clear(det, groups.get((image_id, class_id), []), COCO_THRESHOLDS,
                                  (0.5,))
               for image_id, class_id, _score, *det in detections)


# ---------------------------------------------------------------- scenes


def _jittered(box, draw, jitter):
    return jitter_box(box, *(draw(jitter) for _ in range(4)))


@st.composite
def scenes(draw, n_images=1, n_classes=1, max_gts=6, max_dets=10, boxes=None, jitter=2,
           scores=SCORES, thresholds=THRESHOLDS, copies=(0, 3), det_only_classes=0,
           crowded=False, min_gts=0):
    """A random evaluation scene.

    Ground truths are random boxes (or, when `crowded`, jittered copies of a few objects so
    that they overlap each other). Each ground truth gets `copies` jittered detections of its
    own image and class (duplicates, near misses, strays); a few fully random detections are
    added, some of them in classes `n_classes .. n_classes + det_only_classes - 1` that have no
    ground truth at all. Everything is shuffled, then filtered by `unambiguous`.
    """
    boxes = DEFAULT_BOXES if boxes is None else boxes
    move = st.integers(-jitter, jitter) if isinstance(jitter, int) else jitter
    threshold = draw(thresholds)
    n_gts = draw(st.integers(min_gts, max_gts))
    objects = draw(st.lists(boxes, min_size=1, max_size=3)) if crowded else []
    ground_truths = []
    for _ in range(n_gts):
        box = _jittered(draw(st.sampled_from(objects)), draw, move) if crowded else draw(boxes)
        image_id = draw(st.integers(0, n_images - 1))
        class_id = draw(st.integers(0, n_classes - 1))
        ground_truths.append((image_id, class_id) + box)
    detections = []
    for gt in ground_truths:
        for _ in range(draw(st.integers(*copies))):
            box = _jittered(gt[2:], draw, move) if draw(st.integers(0, 3)) else gt[2:]
            detections.append((gt[0], gt[1], draw(scores)) + box)
    for _ in range(draw(st.integers(0, max(0, max_dets - len(detections))))):
        image_id = draw(st.integers(0, n_images - 1))
        class_id = draw(st.integers(0, n_classes + det_only_classes - 1))
        detections.append((image_id, class_id, draw(scores)) + draw(boxes))
    detections = list(draw(st.permutations(detections)))
    assume(unambiguous(detections, ground_truths, threshold))
    return (detections, ground_truths, threshold)


@st.composite
def threshold_scenes(draw):
    """Pairs whose IoU is exactly the (dyadic) threshold, mixed with other matches and misses."""
    pairs = draw(st.lists(dyadic_iou_pairs(), min_size=1, max_size=4))
    threshold = float(exact_iou(*pairs[0]))
    ground_truths, detections = [], []
    for image_id, (a, b) in enumerate(pairs):
        ground_truths.append((image_id, 0) + a)
        detections.append((image_id, 0, draw(SCORES)) + b)
    for _ in range(draw(st.integers(0, 3))):  # unrelated misses in their own images
        image_id = draw(st.integers(len(pairs), len(pairs) + 2))
        detections.append((image_id, 0, draw(SCORES)) + draw(int_boxes(20, min_size=1)))
        if draw(st.booleans()):
            ground_truths.append((image_id, 0) + draw(int_boxes(20, min_size=1)))
    detections = list(draw(st.permutations(detections)))
    ground_truths = list(draw(st.permutations(ground_truths)))
    assume(unambiguous(detections, ground_truths, threshold))
    return (detections, ground_truths, threshold)


MIXED_BOXES = st.one_of(int_boxes(24, min_size=1, max_size=10), int_boxes(24, max_size=6),
                        zero_area_boxes(24))


def large_scene(seed: int, n_images: int = 2000, gts_per_image: int = 5, dets_per_gt: int = 5,
                n_strays: int = 5000):
    """About 10,000 ground truths and 55,000 detections in 2,000 images, 90 % in class 0.

    One big class makes an O(D^2) precision-recall pass fail by a wide margin. Integer
    coordinates and a threshold of 0.5 keep every decision exact. Built with numpy in bulk:
    drawing it element by element took longer than grading it.
    """
    rng = np.random.default_rng(seed)
    n_gts = n_images * gts_per_image
    gt_image = np.repeat(np.arange(n_images), gts_per_image)
    gt_class = (rng.random(n_gts) < 0.1).astype(int)  # 90 % class 0, 10 % class 1
    corner = rng.integers(0, 200, size=(n_gts, 2))
    size = rng.integers(4, 40, size=(n_gts, 2))
    gt_boxes = np.hstack([corner, corner + size]).astype(float)
    ground_truths = [(int(i), int(c)) + tuple(b) for i, c, b in
                     zip(gt_image, gt_class, gt_boxes.tolist())]
    # every ground truth's jittered detections; edges that cross make a degenerate box
    moved = np.repeat(gt_boxes, dets_per_gt, axis=0) + rng.integers(-3, 4, size=(n_gts * dets_per_gt, 4))
    low, high = np.minimum(moved[:, :2], moved[:, 2:]), np.maximum(moved[:, :2], moved[:, 2:])
    det_boxes = np.hstack([low, high])
    det_image = np.repeat(gt_image, dets_per_gt)
    det_class = np.repeat(gt_class, dets_per_gt)
    stray_corner = rng.integers(0, 200, size=(n_strays, 2)).astype(float)
    det_boxes = np.vstack([det_boxes, np.hstack([stray_corner, stray_corner + 20])])
    det_image = np.concatenate([det_image, rng.integers(0, n_images, size=n_strays)])
    det_class = np.concatenate([det_class, rng.integers(0, 2, size=n_strays)])
    scores = rng.random(len(det_boxes))
    order = rng.permutation(len(det_boxes))
    detections = [(int(det_image[k]), int(det_class[k]), float(scores[k])) +
                  tuple(det_boxes[k].tolist()) for k in order]
    return (detections, ground_truths, 0.5)
# ---------------------------------------------------------------- COCO scenes (coco_ap)


def allowed_gt_count(n: int) -> int:
    """The largest ground-truth count <= n that is odd and not a multiple of 5 (at least 1)."""
    while n > 1 and (n % 2 == 0 or n % 5 == 0):
        n -= 1
    return max(n, 1)


def _clear_detection(make, groups, key, attempts: int = 4):
    """A detection box from `make()` that is clear at every COCO threshold, or None."""
    for _ in range(attempts):
        box = make()
        if detection_is_clear(box, groups.get(key, []), COCO_THRESHOLDS, (0.5,)):
            return box
    return None


@st.composite
def coco_scenes(draw, n_images=1, n_classes=1, max_gts=9, copies=(0, 3), strays=(0, 3),
                boxes=None, jitter=2, scores=SCORES, det_only_classes=0, crowded=False):
    """A COCO evaluation scene `(detections, ground_truths)`.

    Each class gets a ground-truth count from COCO_GT_COUNTS (odd, not a multiple of 5, at
    most `max_gts`) spread over the images; each ground truth gets `copies` jittered
    detections of its image and class, and `strays` random detections are added per class,
    some in classes with no ground truth when `det_only_classes` > 0. A detection is drawn
    again (up to four times, then left out) unless `detection_is_clear` holds for it at all
    ten thresholds, with exact equality allowed only at 0.5: so no IoU equals a threshold
    other than 0.5, and none is within 1e-6 of one. Detections are shuffled.
    """
    boxes = DEFAULT_BOXES if boxes is None else boxes
    move = st.integers(-jitter, jitter) if isinstance(jitter, int) else jitter
    counts = [n for n in COCO_GT_COUNTS if n <= max_gts]
    ground_truths = []
    for class_id in range(n_classes):
        objects = draw(st.lists(boxes, min_size=1, max_size=3)) if crowded else None
        for _ in range(draw(st.sampled_from(counts))):
            box = _jittered(draw(st.sampled_from(objects)), draw, move) if crowded else draw(boxes)
            ground_truths.append((draw(st.integers(0, n_images - 1)), class_id) + box)
    groups = _groups(ground_truths)
    detections = []
    for image_id, class_id, *gt in ground_truths:
        for _ in range(draw(st.integers(*copies))):
            exact = draw(st.integers(0, 3)) == 0
            box = _clear_detection(lambda: tuple(gt) if exact else _jittered(gt, draw, move),
                                   groups, (image_id, class_id))
            if box is not None:
                detections.append((image_id, class_id, draw(scores)) + box)
    for class_id in range(n_classes + det_only_classes):
        for _ in range(draw(st.integers(*strays))):
            image_id = draw(st.integers(0, n_images - 1))
            box = _clear_detection(lambda: draw(boxes), groups, (image_id, class_id))
            if box is not None:
                detections.append((image_id, class_id, draw(scores)) + box)
    return (list(draw(st.permutations(detections))), ground_truths)


def half_iou_pairs(max_scale: int = 3):
    """(ground truth, detection) integer boxes whose IoU is exactly 1/2: equal lengths
    shifted by a third of their length, or a box holding half of another."""

    @st.composite
    def build(draw):
        k = draw(st.integers(1, max_scale))
        h = draw(st.integers(1, 6))
        a, b = draw(st.sampled_from([((0, 0, 3, h), (1, 0, 4, h)), ((0, 0, 6, h), (2, 0, 8, h)),
                                     ((0, 0, 4, 2 * h), (0, 0, 4, h)), ((0, 0, 2, 2 * h), (0, h, 2, 2 * h))]))
        a, b = [tuple(k * v for v in box) for box in (a, b)]
        if draw(st.booleans()):  # transpose
            a, b = (a[1], a[0], a[3], a[2]), (b[1], b[0], b[3], b[2])
        dx, dy = draw(st.integers(0, 10)), draw(st.integers(0, 10))
        a, b = [make_box(box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy) for box in (a, b)]
        return draw(st.sampled_from([(a, b), (b, a)]))

    return build()


def large_coco_scene(seed: int, n_images: int = 500, dets_per_image: int = 10):
    """About 5,000 detections over 500 images, about 90 % of them in class 0 (of 3).

    Each image has one to four ground truths; its detections are jittered copies of them
    (70 %) or strays. A detection that is not clear at every threshold is replaced by the
    next candidate, and each class's ground-truth count is trimmed to the next lower allowed
    count (odd, not a multiple of 5). One big class makes an O(D^2) precision-recall pass
    fail by a wide margin.
    """
    rng = np.random.default_rng(seed)
    def classes(n):
        return rng.choice(3, size=n, p=[0.9, 0.05, 0.05])
    counts = rng.integers(1, 5, size=n_images)
    corners = rng.integers(0, 300, size=(counts.sum(), 2))
    sizes = rng.integers(8, 60, size=(counts.sum(), 2))
    images = np.repeat(np.arange(n_images), counts)
    ground_truths = [(int(i), int(c), float(x), float(y), float(x + w), float(y + h))
                     for i, c, (x, y), (w, h) in zip(images, classes(len(images)), corners, sizes)]
    for class_id in range(3):  # trim each class to an allowed count
        mine = [i for i, gt in enumerate(ground_truths) if gt[1] == class_id]
        drop = set(mine[allowed_gt_count(len(mine)):])
        ground_truths = [gt for i, gt in enumerate(ground_truths) if i not in drop]
    groups = _groups(ground_truths)
    by_image = {}
    for gt in ground_truths:
        by_image.setdefault(gt[0], []).append(gt)
    tries = 6 * dets_per_image  # candidates per image, most of them never needed
    detections = []
    for image_id in range(n_images):
        source = by_image.get(image_id, [])
        copy = rng.random(tries) < 0.7
        picks = rng.integers(0, max(1, len(source)), size=tries)
        jitters = rng.integers(-4, 5, size=(tries, 4)).astype(float)
        strays = rng.integers(0, 300, size=(tries, 2)).astype(float)
        stray_classes = classes(tries)
        scores = rng.integers(1, 10 ** 6, size=tries) / 10 ** 6
        made = 0
        for k in range(tries):
            if made == dets_per_image:
                break
            if source and copy[k]:
                gt = source[picks[k]]
                class_id, box = gt[1], jitter_box(gt[2:], *jitters[k])
            else:
                x, y = strays[k]
                class_id, box = int(stray_classes[k]), (x, y, x + 30.0, y + 30.0)
            if detection_is_clear(box, groups.get((image_id, class_id), []), COCO_THRESHOLDS,
                                  (0.5,)):
                detections.append((image_id, class_id, float(scores[k])) + tuple(map(float, box)))
                made += 1
    order = rng.permutation(len(detections))
    return ([detections[i] for i in order], ground_truths)
