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

from judge.geometry import exact_iou, is_dyadic, is_integer_box
from judge.strategies.boxes import dyadic_iou_pairs, int_boxes, jitter_box, zero_area_boxes

GAP = 1e-6
THRESHOLDS = st.sampled_from([0.5, 0.5, 0.5, 0.25, 0.75, 0.375, 0.3, 0.6, 0.7])
SCORES = st.integers(1, 100).map(lambda k: k / 100)
FEW_SCORES = st.sampled_from([0.25, 0.5, 0.75])
SCENE_BOXES = int_boxes(24, min_size=1, max_size=10)  # built once: a new strategy per draw is slow


# ---------------------------------------------------------------- safety filter


def unambiguous(detections, ground_truths, threshold) -> bool:
    """True when float rounding cannot change any matching decision in this scene.

    For every detection and every ground truth of the same image and class, the IoU must be
    more than GAP away from the threshold (or equal to a dyadic threshold with integer boxes),
    and two such ground truths must have IoUs more than GAP apart, exactly equal with integer
    boxes, both zero, or come from identical boxes.
    """
    thr = Fraction(threshold)
    groups = {}
    for image_id, class_id, *box in ground_truths:
        groups.setdefault((image_id, class_id), []).append(tuple(box))
    for image_id, class_id, _score, *det in detections:
        det = tuple(det)
        candidates = groups.get((image_id, class_id), [])
        values = []
        for gt in candidates:
            value = exact_iou(det, gt)
            exact_ints = is_integer_box(det) and is_integer_box(gt)
            if value == thr:
                if not (is_dyadic(thr) and exact_ints):
                    return False
            elif abs(value - thr) <= GAP:
                return False
            values.append((value, gt, exact_ints))
        for i, (va, ga, ia) in enumerate(values):
            for vb, gb, ib in values[i + 1:]:
                if va == vb:
                    if not (va == 0 or ga == gb or (ia and ib)):
                        return False
                elif abs(va - vb) <= GAP:
                    return False
    return True


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
    if boxes is None:
        boxes = SCENE_BOXES
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
