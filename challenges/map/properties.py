"""Hidden checks for map (mean average precision).

Every strategy yields (detections, ground_truths, iou_threshold), built by the shared scene
strategies in judge/strategies/scenes.py, which keep every matching decision free of rounding
doubt.
"""
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.boxes import float_boxes
from judge.strategies.scenes import FEW_SCORES, MIXED_BOXES, large_scene, scenes, threshold_scenes

# ---------------------------------------------------------------- hand-built cases


def _b(*values):
    return tuple(float(v) for v in values)


SQUARE = _b(0, 0, 10, 10)
EXPLICIT_MATCHING = (
    # The best *unmatched* ground truth counts: det 2 prefers the matched GT 0 (IoU 2/3) but
    # still clears 0.5 with the unmatched GT 1 (IoU 7/13), so it is a true positive.
    ([(0, 0, 0.9) + SQUARE, (0, 0, 0.8) + _b(2, 0, 12, 10)],
     [(0, 0) + SQUARE, (0, 0) + _b(5, 0, 15, 10)], 0.5),
    # A miss (IoU 0.3) must not use up the ground truth that a later detection hits exactly.
    ([(0, 0, 0.9) + _b(0, 0, 10, 3), (0, 0, 0.8) + SQUARE], [(0, 0) + SQUARE], 0.5),
    # Highest IoU, not the first ground truth above the threshold.
    ([(0, 0, 0.9) + _b(2, 0, 12, 10), (0, 0, 0.8) + _b(-2, 0, 8, 10)],
     [(0, 0) + SQUARE, (0, 0) + _b(2, 0, 12, 10)], 0.5),
    # Equal IoUs (both 2/3): the lower ground-truth index wins, leaving GT 1 for det 2.
    ([(0, 0, 0.9) + _b(2, 0, 12, 10), (0, 0, 0.8) + _b(6, 0, 16, 10)],
     [(0, 0) + SQUARE, (0, 0) + _b(4, 0, 14, 10)], 0.5),
    # Two detections of one object: the second is a duplicate, a false positive.
    ([(0, 0, 0.9) + SQUARE, (0, 0, 0.8) + _b(1, 0, 11, 10)], [(0, 0) + SQUARE], 0.5),
    # Same box in another image: no match.
    ([(1, 0, 0.9) + SQUARE], [(0, 0) + SQUARE], 0.5),
)
EXPLICIT_TIES = (
    # Equal scores: the miss comes first in the input, so it is visited first (AP 0.5).
    ([(0, 0, 0.5) + _b(20, 20, 30, 30), (0, 0, 0.5) + SQUARE], [(0, 0) + SQUARE], 0.5),
    ([(0, 0, 0.5) + SQUARE, (0, 0, 0.5) + _b(20, 20, 30, 30), (0, 0, 0.5) + _b(0, 0, 10, 9),
      (0, 0, 0.7) + _b(40, 0, 50, 10)],
     [(0, 0) + SQUARE, (0, 0) + _b(0, 0, 10, 9), (0, 0) + _b(40, 40, 50, 50)], 0.5),
)
EXPLICIT_CLASSES = (
    # Class 1 has detections but no ground truth: ignored, so mAP is 1.
    ([(0, 0, 0.9) + SQUARE, (0, 1, 0.95) + SQUARE], [(0, 0) + SQUARE], 0.5),
    # Class 1 has a ground truth but no detection: AP 0, so mAP is 0.5.
    ([(0, 0, 0.9) + SQUARE], [(0, 0) + SQUARE, (0, 1) + _b(20, 20, 30, 30)], 0.5),
    # Same box, wrong class: no match.
    ([(0, 1, 0.9) + SQUARE], [(0, 0) + SQUARE], 0.5),
)
EXPLICIT_THRESHOLD = (
    ([(0, 0, 0.9) + _b(0, 0, 4, 2)], [(0, 0) + _b(0, 0, 4, 4)], 0.5),
    ([(0, 0, 0.9) + _b(1, 0, 4, 1), (0, 0, 0.8) + _b(0, 0, 4, 4)],
     [(0, 0) + _b(0, 0, 3, 1), (0, 0) + _b(0, 0, 4, 3)], 0.75),
    ([(0, 0, 0.9) + _b(2, 2, 5, 5), (0, 0, 0.6) + _b(0, 0, 8, 8)],
     [(0, 0) + _b(2, 2, 5, 5), (0, 0) + _b(0, 0, 8, 4)], 1.0),
    ([(0, 0, 0.9) + _b(0, 0, 8, 3)], [(0, 0) + _b(0, 0, 8, 8)], 0.375),
)
EXPLICIT_EDGES = (
    ([], [], 0.5),
    ([(0, 0, 0.9) + SQUARE], [], 0.5),
    ([], [(0, 0) + SQUARE], 0.5),
    # A zero-area ground truth can never be matched, even by an identical zero-area box.
    ([(0, 0, 0.9) + _b(3, 3, 3, 3), (0, 0, 0.8) + _b(0, 5, 10, 5)],
     [(0, 0) + _b(3, 3, 3, 3), (0, 0) + _b(0, 5, 10, 5), (0, 0) + SQUARE], 0.5),
    # Touching boxes share no area.
    ([(0, 0, 0.9) + _b(10, 0, 20, 10), (0, 0, 0.4) + SQUARE], [(0, 0) + SQUARE], 0.5),
)


PROPERTIES = [
    Property(
        name="single_image_single_class",
        description="One image and one class: jittered detections mixing hits, near misses "
                    "and strays, with distinct-ish scores.",
        strategy=scenes(max_gts=6, max_dets=12),
        weight=2,
        max_examples=150,
    ),
    Property(
        name="duplicate_detections",
        hint="Each ground truth can be matched once: later detections of an already matched "
             "object are false positives.",
        rank=2,
        description="Several detections of the same object: only one of them may count as a "
                    "true positive.",
        strategy=scenes(max_gts=4, max_dets=14, copies=(1, 4), jitter=1, min_gts=1),
        weight=2,
        max_examples=100,
        explicit=EXPLICIT_MATCHING[4:5],
    ),
    Property(
        name="tied_scores",
        hint="Ties between equal scores: detections with the same score are visited in input "
             "order.",
        rank=2,
        description="Many detections share a score: equal scores are visited in input order.",
        strategy=scenes(n_images=2, max_gts=5, max_dets=12, scores=FEW_SCORES, min_gts=1),
        weight=2,
        max_examples=150,
        explicit=EXPLICIT_TIES,
    ),
    Property(
        name="overlapping_ground_truths",
        hint="A detection takes the unmatched ground truth with the highest IoU (lowest index on "
             "ties).",
        rank=2,
        description="Ground truths that overlap each other, so a detection has several "
                    "candidates: the unmatched one with the highest IoU (lowest index on ties) "
                    "is the one that counts.",
        strategy=scenes(max_gts=6, max_dets=12, crowded=True, copies=(0, 2), min_gts=2,
                        thresholds=st.sampled_from([0.5, 0.25, 0.375, 0.3, 0.4])),
        weight=3,
        max_examples=200,
        explicit=EXPLICIT_MATCHING[:4],
    ),
    Property(
        name="several_images_and_classes",
        hint="A detection matches only ground truths of its own image and class; mAP is the mean "
             "of the per-class APs.",
        rank=1,
        description="Several images and classes: a detection can only match a ground truth "
                    "of its own image and class, and mAP averages the per-class APs.",
        strategy=scenes(n_images=3, n_classes=3, max_gts=10, max_dets=16, min_gts=1),
        weight=2,
        max_examples=150,
        explicit=EXPLICIT_MATCHING[5:] + EXPLICIT_CLASSES[2:],
    ),
    Property(
        name="classes_without_ground_truth",
        hint="Classes with detections but no ground truth are left out of the mean; classes with "
             "ground truths but no detections score 0.",
        rank=2,
        description="Classes that have detections but no ground truth are ignored; classes "
                    "with ground truths but no detections score 0.",
        strategy=scenes(n_images=2, n_classes=2, max_gts=6, max_dets=12, det_only_classes=2,
                        copies=(0, 2)),
        weight=2,
        max_examples=100,
        explicit=EXPLICIT_CLASSES[:2],
    ),
    Property(
        name="iou_exactly_at_threshold",
        hint="An IoU exactly equal to the threshold counts as a match (>=).",
        rank=2,
        description="Detections whose IoU equals the threshold exactly count as true positives.",
        strategy=threshold_scenes(),
        weight=2,
        max_examples=100,
        explicit=EXPLICIT_THRESHOLD,
    ),
    Property(
        name="degenerate_boxes_and_empty_inputs",
        hint="Zero-area and touching boxes overlap nothing; empty detection or ground-truth "
             "lists are valid input.",
        rank=2,
        description="Zero-area and touching boxes, and empty detection or ground-truth lists.",
        strategy=scenes(n_images=2, n_classes=2, max_gts=5, max_dets=8, boxes=MIXED_BOXES),
        weight=1,
        max_examples=100,
        explicit=EXPLICIT_EDGES,
    ),
    Property(
        name="float_coordinates",
        hint="Use continuous coordinates: area is (x2 - x1) * (y2 - y1), with no +1.",
        rank=1,
        description="Boxes with non-integer coordinates, in continuous coordinates (no +1 "
                    "pixel).",
        strategy=scenes(n_images=2, n_classes=2, max_gts=6, max_dets=12, min_gts=1,
                        boxes=float_boxes(0, 30, 12, decimals=2),
                        jitter=st.floats(-1.5, 1.5).map(lambda v: round(v, 2))),
        weight=1,
        max_examples=100,
    ),
    Property(
        name="many_detections_time",
        description="About 55,000 detections and 10,000 ground truths over 2,000 images must "
                    "be evaluated within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(large_scene),
        weight=1,
        max_examples=2,
        size="about 55,000 detections and 10,000 ground truths over 2,000 images",
        time_limit_s=2.5,
    ),
]
