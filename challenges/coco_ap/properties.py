"""Hidden checks for `coco_ap`.

Every scene keeps to what the contract says the tests avoid (judge/strategies/scenes.py):
no IoU between a detection and a ground truth of its image and class equals one of the
thresholds 0.55 ... 0.95 or lies within 1e-6 of any threshold, except IoUs of exactly 0.5
between integer boxes; and every class has an odd number of ground truths that is not a
multiple of 5, so no recall but 0 and 1 falls on one of the 101 sampling levels.
"""
import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.boxes import float_boxes, int_boxes
from judge.strategies.scenes import (
    FEW_SCORES,
    MIXED_BOXES,
    SCORES,
    coco_scenes,
    half_iou_pairs,
    large_coco_scene,
)


def _b(*values):
    return tuple(float(v) for v in values)


SQUARE = _b(0, 0, 10, 10)
HALF_PAIRS = half_iou_pairs()  # built once: composites built per draw cost a source lookup
MISSES = int_boxes(20, min_size=1)


@st.composite
def half_iou_scenes(draw):
    """Ground truths each hit by one detection with IoU exactly 1/2 (a true positive at 0.50
    and a false positive at every other threshold), plus unrelated misses."""
    count = draw(st.sampled_from([1, 3, 7]))
    ground_truths, detections = [], []
    for image_id in range(count):
        gt, det = draw(HALF_PAIRS)
        ground_truths.append((image_id, 0) + gt)
        detections.append((image_id, 0, draw(SCORES)) + det)
    for _ in range(draw(st.integers(0, 3))):
        detections.append((count + draw(st.integers(0, 2)), 0, draw(SCORES))
                          + draw(MISSES))
    return (list(draw(st.permutations(detections))), list(draw(st.permutations(ground_truths))))


@st.composite
def crowded_images(draw):
    """Image 0 holds 95 to 130 detections of class 0 (scores from a few levels, so ties
    straddle the 100th place) with its hits scored anywhere, and detections of class 1;
    image 1 holds a few more class-0 objects and detections, so that the class has more
    than 100 detections overall while image 1 has far fewer. Scores come from a drawn seed:
    a hundred separate choices would make shrinking slow, and the scene stays large anyway."""
    rng = np.random.default_rng(draw(st.integers(0, 2 ** 16)))
    def score():
        return float(rng.choice([0.3, 0.5, 0.7, 0.9]))
    n_gts = draw(st.sampled_from([1, 3, 7]))
    in_second = draw(st.integers(0, n_gts - 1))
    ground_truths = [(int(i < in_second), 0) + _b(20 * i, 0, 20 * i + 10, 10)
                     for i in range(n_gts)] + [(0, 1) + _b(0, 50, 10, 60)]
    detections = [gt[:2] + (score(),) + gt[2:] for gt in ground_truths[:n_gts]]
    n_misses = draw(st.integers(95, 130)) - n_gts
    detections += [(0, 0, score()) + _b(200 + 3 * i, 200, 202 + 3 * i, 202)
                   for i in range(n_misses)]
    detections += [(1, 0, score()) + _b(200 + 3 * i, 200, 202 + 3 * i, 202)
                   for i in range(draw(st.integers(0, 10)))]
    detections += [(0, 1, score()) + _b(0, 50, 10, 60) for _ in range(draw(st.integers(0, 30)))]
    order = rng.permutation(len(detections))
    return ([detections[i] for i in order], ground_truths)


# ---------------------------------------------------------------- hand-built cases

# Detection 0 overlaps the object with IoU 0.64, detection 1 with IoU 1. Up to 0.60 the first
# is the hit and the second a duplicate; from 0.65 on the first misses without taking the
# object, and the second is the hit. Matching once at 0.5 and reusing it scores 0.3, not 0.65.
REMATCH = ([(0, 0, 0.9) + _b(0, 0, 8, 8), (0, 0, 0.8) + SQUARE], [(0, 0) + SQUARE])
# IoU exactly 0.5: a hit at 0.50 only, so AP = 1/10.
HALF = ([(0, 0, 0.9) + _b(0, 0, 4, 2)], [(0, 0) + _b(0, 0, 4, 4)])
# 100 misses score above the only hit: it is the 101st detection of its image and class.
CUT = ([(0, 0, 0.9) + _b(100 + 3 * i, 0, 102 + 3 * i, 2) for i in range(100)]
       + [(0, 0, 0.5) + SQUARE], [(0, 0) + SQUARE])
# 101 detections with one score: the hit comes last in the input, so it is cut.
TIED_CUT = ([(0, 0, 0.5) + _b(100 + 3 * i, 0, 102 + 3 * i, 2) for i in range(100)]
            + [(0, 0, 0.5) + SQUARE], [(0, 0) + SQUARE])
# The cap is per class: class 1's 60 higher-scored detections must not push class 0's hit out.
PER_CLASS_CUT = ([(0, 1, 0.95) + _b(0, 50, 10, 60)] * 60
                 + [(0, 0, 0.9) + _b(100 + 3 * i, 0, 102 + 3 * i, 2) for i in range(60)]
                 + [(0, 0, 0.8) + SQUARE], [(0, 0) + SQUARE, (0, 1) + _b(0, 50, 10, 60)])
# Equal scores in different images: the input order decides (the hit first), not image ids.
TIED_IMAGES = ([(1, 0, 0.5) + SQUARE, (0, 0, 0.5) + SQUARE], [(1, 0) + SQUARE])
# 101-point sampling is not the area under the curve: hit, miss, hit, hit of 3 objects gives
# (34 + 67 * 3/4) / 101 = 0.8342 at every threshold, not 5/6.
SAMPLING = ([(0, 0, 0.9) + SQUARE, (0, 0, 0.8) + _b(60, 0, 70, 10),
             (0, 0, 0.7) + _b(20, 0, 30, 10), (0, 0, 0.6) + _b(40, 0, 50, 10)],
            [(0, 0) + SQUARE, (0, 0) + _b(20, 0, 30, 10), (0, 0) + _b(40, 0, 50, 10)])
# The best unmatched ground truth, not the best one: det 1 prefers taken GT 0 (IoU 2/3)
# and still hits GT 1 (IoU 7/13 = 0.538) at 0.50.
BEST_UNMATCHED = ([(0, 0, 0.9) + SQUARE, (0, 0, 0.8) + _b(2, 0, 12, 10)],
                  [(0, 0) + SQUARE, (0, 0) + _b(5, 0, 15, 10), (0, 0) + _b(50, 50, 60, 60)])
# The highest IoU, not the first ground truth above the threshold: det 0 must take GT 1
# (IoU 1) and leave GT 0 (IoU 2/3) to det 1 (IoU 2/3 with it, 3/7 with GT 1).
HIGHEST_NOT_FIRST = ([(0, 0, 0.9) + _b(2, 0, 12, 10), (0, 0, 0.8) + _b(-2, 0, 8, 10)],
                     [(0, 0) + SQUARE, (0, 0) + _b(2, 0, 12, 10), (0, 0) + _b(50, 50, 60, 60)])
# 100 detections of class 0 in image 0 outscore the hit in image 1: a cap of 100 over all
# images of the class would drop it.
PER_IMAGE_CUT = ([(0, 0, 0.9) + _b(100 + 3 * i, 0, 102 + 3 * i, 2) for i in range(100)]
                 + [(1, 0, 0.5) + SQUARE], [(1, 0) + SQUARE])
EDGES = (([], []), ([(0, 0, 0.9) + SQUARE], []), ([], [(0, 0) + SQUARE]),
         ([(0, 1, 0.9) + SQUARE], [(0, 0) + SQUARE]),
         ([(0, 0, 0.9) + SQUARE, (0, 1, 0.95) + SQUARE], [(0, 0) + SQUARE]),
         ([(0, 0, 0.9) + SQUARE], [(0, 0) + SQUARE, (0, 1) + _b(20, 20, 30, 30)]))
DEGENERATE = (([(0, 0, 0.9) + _b(3, 3, 3, 3), (0, 0, 0.8) + _b(0, 5, 10, 5)],
               [(0, 0) + _b(3, 3, 3, 3), (0, 0) + _b(0, 5, 10, 5), (0, 0) + SQUARE]),
              ([(0, 0, 0.9) + _b(10, 0, 20, 10), (0, 0, 0.4) + SQUARE], [(0, 0) + SQUARE]))


def _large(seed):
    return large_coco_scene(seed)


PROPERTIES = [
    Property(
        name="single_image_single_class",
        description="One image and one class: jittered detections of each object, exact "
                    "copies, duplicates and strays, at all ten thresholds.",
        strategy=coco_scenes(max_gts=9),
        weight=2,
        max_examples=60,
        explicit=(SAMPLING,),
    ),
    Property(
        name="matching_redone_per_threshold",
        hint="Redo the greedy matching at every IoU threshold: a detection that misses at one "
             "threshold may match another object at a lower one.",
        rank=2,
        description="Overlapping objects and several detections each: the greedy matching is "
                    "done again at every threshold, and a detection that misses at a threshold "
                    "leaves its object to the next one.",
        strategy=coco_scenes(max_gts=7, crowded=True, copies=(1, 3), jitter=3),
        weight=3,
        max_examples=60,
        explicit=(REMATCH, BEST_UNMATCHED, HIGHEST_NOT_FIRST),
    ),
    Property(
        name="iou_exactly_half",
        hint="An IoU exactly equal to the threshold counts as a match (>=).",
        rank=2,
        description="Detections whose IoU with their object is exactly 0.5: a hit at the "
                    "threshold 0.50 (>=), a miss at all others.",
        strategy=half_iou_scenes(),
        weight=2,
        max_examples=40,
        explicit=(HALF,),
    ),
    Property(
        name="several_images_and_classes",
        description="Three images and three classes: a detection only matches objects of its "
                    "own image and class, and the answer averages over classes and thresholds.",
        strategy=coco_scenes(n_images=3, n_classes=3, max_gts=9, copies=(0, 2)),
        weight=2,
        max_examples=50,
    ),
    Property(
        name="tied_scores",
        hint="Ties between equal scores keep their order in the input list.",
        rank=2,
        description="Detections sharing scores, in one image and across images: equal scores "
                    "keep their order in the input list.",
        strategy=coco_scenes(n_images=3, max_gts=7, scores=FEW_SCORES, copies=(1, 3)),
        weight=2,
        max_examples=50,
        explicit=(TIED_IMAGES,),
    ),
    Property(
        name="top_100_per_image",
        hint="Per image and class, only the 100 highest-scoring detections count (ties by input "
             "order).",
        rank=2,
        description="Over 100 detections of one class in one image: only that class's 100 "
                    "highest-scoring ones in that image count (ties by input order); other "
                    "classes and other images have their own 100.",
        strategy=crowded_images(),
        weight=2,
        max_examples=20,
        explicit=(CUT, TIED_CUT, PER_CLASS_CUT, PER_IMAGE_CUT),
    ),
    Property(
        name="classes_without_ground_truth_or_detections",
        hint="Classes with detections but no ground truth are left out; with ground truths but "
             "no detections they score 0.",
        rank=2,
        description="Classes with detections but no ground truth are left out; classes with "
                    "ground truths but no detections score 0; no ground truths at all gives 0.",
        strategy=coco_scenes(n_images=2, n_classes=2, max_gts=7, copies=(0, 1),
                             det_only_classes=2),
        weight=2,
        max_examples=50,
        explicit=EDGES,
    ),
    Property(
        name="degenerate_boxes",
        hint="Zero-area and touching boxes overlap nothing, and a zero-area object still counts "
             "in the recall.",
        rank=2,
        description="Zero-area and touching boxes: they overlap nothing, and a zero-area "
                    "object still counts in the recall.",
        strategy=coco_scenes(n_images=2, max_gts=7, boxes=MIXED_BOXES),
        weight=1,
        max_examples=40,
        explicit=DEGENERATE,
    ),
    Property(
        name="float_coordinates",
        description="Boxes with fractional coordinates, in continuous coordinates (no +1 "
                    "pixel).",
        strategy=coco_scenes(n_images=2, n_classes=2, max_gts=7,
                             boxes=float_boxes(0, 30, 12, decimals=2),
                             jitter=st.floats(-1.5, 1.5).map(lambda v: round(v, 2))),
        weight=1,
        max_examples=40,
    ),
    Property(
        name="many_detections_time",
        description="About 5,000 detections and 1,300 ground truths over 500 images, most in "
                    "one class, within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(_large),
        weight=1,
        max_examples=1,
        explicit=(_large(0),),
        size="about 5,000 detections and 1,300 ground truths over 500 images",
        time_limit_s=0.4,
    ),
]

