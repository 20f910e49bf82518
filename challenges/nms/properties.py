"""Hidden checks for `nms`.

Every drawn case keeps each pairwise IoU either more than 1e-6 away from the threshold or
exactly equal to a dyadic threshold on integer boxes (`threshold_is_safe`), so float rounding
can never flip a keep/suppress decision of a correct solution.
"""
import numpy as np
from hypothesis import assume
from hypothesis import strategies as st

from judge import input_rules as rules
from judge.geometry import exact_iou
from judge.properties import Property
from judge.strategies.boxes import (
    as_box_array,
    box_clusters,
    dyadic_iou_pairs,
    dyadic_pairwise_ious,
    float_boxes,
    int_boxes,
    jitter_box,
    nested_pairs,
    threshold_is_safe,
    touching_pairs,
    zero_area_boxes,
)


def _args(boxes, scores, threshold):
    """Positional arguments in the types the function receives."""
    return (as_box_array(boxes), np.asarray(scores, dtype=np.float64).reshape(-1),
            float(threshold))


def _b(*values):
    return tuple(float(v) for v in values)


scores_01 = st.floats(0.0, 1.0, allow_nan=False, allow_infinity=False)
thresholds = st.floats(0.0, 1.0, allow_nan=False, allow_infinity=False)


@st.composite
def _threshold_for(draw, boxes, low=0.0, high=1.0):
    """A safe threshold; half the time one that exactly equals a dyadic pairwise IoU."""
    exact = dyadic_pairwise_ious(boxes, low, high)
    if exact and draw(st.booleans()):
        threshold = draw(st.sampled_from(exact))
    else:
        threshold = draw(st.floats(low, high, allow_nan=False))
    assume(threshold_is_safe(boxes, threshold))
    return threshold


@st.composite
def _scored(draw, boxes, score_strategy=scores_01, low=0.0, high=1.0):
    scores = draw(st.lists(score_strategy, min_size=len(boxes), max_size=len(boxes)))
    return _args(boxes, scores, draw(_threshold_for(boxes, low, high)))


@st.composite
def _random_integer(draw):
    boxes = draw(st.lists(int_boxes(15), max_size=12))
    return draw(_scored(boxes))


@st.composite
def _tied(draw):
    _, boxes = draw(box_clusters(max_clusters=3, max_per_cluster=5, max_coord=30))
    levels = draw(st.lists(st.sampled_from([0.25, 0.5, 0.75, 0.9]), min_size=1, max_size=2))
    return draw(_scored(boxes, st.sampled_from(levels), 0.05, 0.95))


@st.composite
def _exact_threshold(draw):
    """A dyadic-IoU pair holding the two top scores, plus lower-scored extra boxes; the
    threshold is exactly the pair's IoU, so the second box of the pair must survive."""
    a, b = draw(dyadic_iou_pairs())
    extra = draw(st.lists(int_boxes(20), max_size=6))
    top = draw(st.lists(st.floats(0.9, 1.0), min_size=2, max_size=2))
    low = draw(st.lists(st.floats(0.0, 0.85), min_size=len(extra), max_size=len(extra)))
    items = draw(st.permutations(list(zip([a, b] + extra, top + low))))
    boxes = [box for box, _ in items]
    threshold = float(exact_iou(a, b))
    assume(threshold_is_safe(boxes, threshold))
    return _args(boxes, [score for _, score in items], threshold)


@st.composite
def _zero_and_one(draw):
    """Thresholds 0 and 1 with touching, identical, nested and overlapping pairs."""
    pairs = draw(st.lists(st.one_of(touching_pairs(), dyadic_iou_pairs(), nested_pairs()),
                          min_size=1, max_size=4))
    boxes = draw(st.permutations([box for pair in pairs for box in pair]))
    scores = draw(st.lists(scores_01, min_size=len(boxes), max_size=len(boxes)))
    return _args(boxes, scores, draw(st.sampled_from([0.0, 1.0])))


@st.composite
def _with_zero_area(draw):
    zeros = draw(st.lists(zero_area_boxes(10), min_size=1, max_size=4))
    zeros = zeros + draw(st.lists(st.sampled_from(zeros), max_size=3))  # exact duplicates
    boxes = draw(st.permutations(zeros + draw(st.lists(int_boxes(10), max_size=5))))
    scores = draw(st.lists(scores_01, min_size=len(boxes), max_size=len(boxes)))
    threshold = draw(st.one_of(st.just(0.0), thresholds))
    assume(threshold_is_safe(boxes, threshold))
    return _args(boxes, scores, threshold)


@st.composite
def _float_boxes(draw):
    seeds = draw(st.lists(float_boxes(), min_size=0, max_size=5))
    shift = st.floats(-4, 4, allow_nan=False).map(lambda v: round(v, 3))
    boxes = list(seeds)
    for box in seeds:
        for _ in range(draw(st.integers(0, 2))):
            moved = jitter_box(box, *(draw(shift) for _ in range(4)))
            boxes.append(tuple(round(v, 3) for v in moved))
    boxes = draw(st.permutations(boxes))
    return draw(_scored(boxes))


@st.composite
def _clusters(draw):
    _, boxes = draw(box_clusters(max_clusters=5, max_per_cluster=5, max_coord=50))
    return draw(_scored(boxes, scores_01, 0.2, 0.8))


@st.composite
def _empty_or_single(draw):
    boxes = draw(st.lists(int_boxes(10), max_size=1))
    return _args(boxes, draw(st.lists(scores_01, min_size=len(boxes), max_size=len(boxes))),
                 draw(thresholds))


def _large_case(seed):
    """About a thousand detections: 256 objects on a grid, four jittered copies each.

    Coordinates are whole numbers and the threshold is 1/2, so every decision is exact.
    Roughly a third of the boxes are kept, so a solution that re-checks all kept boxes for
    every remaining box on each round does about N/3 times the work of greedy NMS.
    """
    rng = np.random.default_rng(seed)
    boxes = []
    for row in range(16):
        for col in range(16):
            x, y = col * 100 + 20, row * 100 + 20
            for _ in range(4):
                d = rng.integers(-6, 7, size=4)
                boxes.append(jitter_box(_b(x, y, x + 40, y + 40), *map(float, d)))
    boxes = [boxes[i] for i in rng.permutation(len(boxes))]
    scores = np.round(rng.random(len(boxes)), 6)
    return _args(boxes, scores, 0.5)


EMPTY = (np.zeros((0, 4)), np.zeros(0), 0.5)


def check_input(boxes, scores, iou_threshold):
    """The contract's rules for typed custom input."""
    return (rules.boxes("boxes", boxes) or rules.one_per_box("scores", scores, len(boxes))
            or rules.between("iou_threshold", iou_threshold, 0.0, 1.0))


PROPERTIES = [
    Property(
        name="random_integer_boxes",
        hint="Visit boxes by descending score; keep one unless its IoU with an already kept box "
             "is strictly greater than the threshold; return kept indices in the order kept.",
        description="Up to a dozen random whole-number boxes with random scores and thresholds.",
        strategy=_random_integer(),
        weight=3,
        max_examples=120,
        explicit=(
            # The worked example from the statement.
            _args([_b(0, 0, 4, 4), _b(1, 0, 5, 4), _b(10, 10, 12, 12), _b(0, 0, 3, 4)],
                  [0.6, 0.9, 0.8, 0.6], 0.5),
            # Box 1 is suppressed by box 0, so it must not suppress box 2.
            _args([_b(0, 0, 4, 1), _b(1, 0, 5, 1), _b(2, 0, 6, 1)], [0.9, 0.8, 0.7], 0.5),
            # Kept order follows the scores, not the indices.
            _args([_b(0, 0, 1, 1), _b(5, 5, 6, 6), _b(10, 0, 11, 1)], [0.1, 0.9, 0.5], 0.5),
        ),
    ),
    Property(
        name="tied_scores",
        hint="Ties between equal scores: boxes with the same score are visited in ascending "
             "index order, and that order decides which of two tied, overlapping boxes is kept "
             "and where it appears in the answer.",
        rank=2,
        description="Overlapping detections sharing only one or two distinct score values, "
                    "so the order among equal scores decides the result.",
        strategy=_tied(),
        weight=2,
        max_examples=80,
        explicit=(
            _args([_b(0, 0, 2, 2), _b(0, 0, 2, 2)], [0.5, 0.5], 0.5),
            _args([_b(0, 0, 4, 4), _b(8, 8, 9, 9), _b(1, 0, 5, 4), _b(0, 0, 4, 4)],
                  [0.7, 0.7, 0.7, 0.7], 0.3),
        ),
    ),
    Property(
        name="iou_equal_to_threshold",
        hint="Suppress only when the IoU is strictly greater than the threshold: an IoU exactly "
             "equal to it keeps the box.",
        rank=2,
        description="The two best boxes overlap with an IoU exactly equal to the threshold, "
                    "which must not suppress.",
        strategy=_exact_threshold(),
        weight=2,
        max_examples=80,
        explicit=(
            _args([_b(0, 0, 3, 1), _b(1, 0, 4, 1)], [0.9, 0.8], 0.5),
            _args([_b(0, 0, 7, 2), _b(1, 0, 8, 2), _b(0, 0, 4, 2)], [0.5, 0.9, 0.1], 0.75),
            _args([_b(0, 0, 4, 4), _b(0, 0, 2, 2)], [0.2, 0.3], 0.25),
        ),
    ),
    Property(
        name="thresholds_zero_and_one",
        hint="With threshold 0 any real overlap suppresses but touching boxes (IoU 0) do not; "
             "with threshold 1 nothing is suppressed, not even identical boxes.",
        rank=2,
        description="Threshold 0 (any real overlap suppresses, touching does not) and "
                    "threshold 1 (nothing is suppressed, not even identical boxes).",
        strategy=_zero_and_one(),
        weight=2,
        max_examples=60,
        explicit=(
            _args([_b(0, 0, 2, 2), _b(2, 0, 4, 2), _b(2, 2, 4, 4), _b(1, 1, 3, 3)],
                  [0.9, 0.8, 0.7, 0.6], 0.0),
            _args([_b(0, 0, 2, 2), _b(0, 0, 2, 2), _b(0, 0, 2, 2)], [0.3, 0.9, 0.3], 1.0),
        ),
    ),
    Property(
        name="zero_area_boxes",
        hint="A zero-area box has IoU 0 with every box, even an identical zero-area box, so it "
             "never suppresses and is never suppressed.",
        rank=2,
        description="Points and segments, some of them identical, among ordinary boxes; a "
                    "zero-area box never overlaps anything.",
        strategy=_with_zero_area(),
        weight=1,
        max_examples=60,
        explicit=(
            _args([_b(1, 1, 1, 1), _b(1, 1, 1, 1), _b(0, 0, 2, 0)], [0.9, 0.8, 0.7], 0.0),
            _args([_b(0, 0, 4, 4), _b(2, 2, 2, 2), _b(0, 2, 4, 2)], [0.5, 0.9, 0.7], 0.0),
        ),
    ),
    Property(
        name="float_coordinates",
        hint="Use continuous coordinates: area is (x2 - x1) * (y2 - y1) with no +1, for "
             "fractional and negative coordinates alike.",
        rank=1,
        description="Boxes with fractional and negative coordinates and shifted copies of them.",
        strategy=_float_boxes(),
        weight=1,
        max_examples=60,
    ),
    Property(
        name="detection_clusters",
        hint="Only kept boxes suppress: a box that was itself suppressed must not suppress "
             "anything.",
        description="Groups of jittered copies around a few objects, as a detector outputs "
                    "them, with thresholds between 0.2 and 0.8.",
        strategy=_clusters(),
        weight=2,
        max_examples=60,
    ),
    Property(
        name="empty_and_single",
        hint="With no boxes the answer is an empty list; a single box is always kept.",
        rank=1,
        description="No boxes at all (arrays of shape (0, 4) and (0,)) and a single box.",
        strategy=_empty_or_single(),
        weight=1,
        max_examples=10,
        explicit=(EMPTY, (np.zeros((0, 4)), np.zeros(0), 0.0),
                  _args([_b(0, 0, 1, 1)], [0.0], 0.0)),
    ),
    Property(
        name="large_input",
        description="About a thousand detections, answered within the time limit.",
        strategy=st.integers(0, 2).map(_large_case),
        weight=2,
        max_examples=2,
        explicit=(_large_case(0),),
        size="about 1,000 detections",
        time_limit_s=1.2,
    ),
]
