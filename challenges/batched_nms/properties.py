"""Hidden checks for `batched_nms`.

Only boxes of the same class are ever compared, so the knife-edge filter (`_safe`) checks
each class on its own: every same-class IoU is more than 1e-6 away from the threshold, or
equals a dyadic threshold exactly with integer coordinates (`threshold_is_safe`), so float
rounding never flips a keep/suppress decision of a correct solution, whether it loops per
class, shifts classes apart (the offset trick) or masks a matrix.
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
    int_boxes,
    jittered_float_boxes,
    nested_pairs,
    seeded_clusters,
    threshold_is_safe,
    touching_pairs,
    zero_area_boxes,
)
from judge.strategies.scores import seeded_scores

scores_01 = st.floats(0.0, 1.0, allow_nan=False, allow_infinity=False)


def _b(*values):
    return tuple(float(v) for v in values)


def _args(boxes, scores, classes, threshold):
    """Positional arguments in the types the function receives."""
    return (as_box_array(boxes), np.asarray(scores, dtype=np.float64).reshape(-1),
            np.asarray(classes, dtype=np.int64).reshape(-1), float(threshold))


def _by_class(boxes, classes):
    groups = {}
    for box, cls in zip(boxes, classes):
        groups.setdefault(cls, []).append(box)
    return groups.values()


def _safe(boxes, classes, threshold) -> bool:
    return all(threshold_is_safe(group, threshold) for group in _by_class(boxes, classes))


@st.composite
def _finish(draw, boxes, classes, scores=scores_01, low=0.0, high=1.0):
    """Scores for the boxes and a threshold that is safe within every class; half the time
    one that exactly equals a dyadic same-class IoU (the `>` vs `>=` knife-edge)."""
    exact = sorted({t for group in _by_class(boxes, classes)
                    for t in dyadic_pairwise_ious(group, low, high)})
    if exact and draw(st.booleans()):
        threshold = draw(st.sampled_from(exact))
    else:
        threshold = draw(st.floats(low, high, allow_nan=False))
    assume(_safe(boxes, classes, threshold))
    drawn = draw(st.lists(scores, min_size=len(boxes), max_size=len(boxes)))
    return _args(boxes, drawn, classes, threshold)


@st.composite
def _random(draw, n_classes=3):
    boxes = draw(st.lists(int_boxes(15), max_size=12))
    classes = draw(st.lists(st.integers(0, n_classes - 1), min_size=len(boxes),
                            max_size=len(boxes)))
    return draw(_finish(boxes, classes))


@st.composite
def _shared_objects(draw):
    """Jittered copies of a few objects, each copy in a random class: the same object is
    detected in several classes, and only same-class copies may suppress each other."""
    _, boxes = draw(box_clusters(max_clusters=3, max_per_cluster=6, max_coord=40))
    classes = draw(st.lists(st.integers(0, 2), min_size=len(boxes), max_size=len(boxes)))
    return draw(_finish(boxes, classes, low=0.2, high=0.8))


@st.composite
def _interleaved(draw):
    """Objects of different classes whose scores interleave, so the answer mixes classes:
    listing one class after another gives the wrong order."""
    objects, boxes = draw(box_clusters(max_clusters=4, max_per_cluster=3, max_coord=60))
    classes = [min(range(len(objects)), key=lambda k: _distance(box, objects[k]))
               for box in boxes]
    return draw(_finish(boxes, classes, low=0.3, high=0.7))


def _distance(box, obj):
    return sum(abs(u - v) for u, v in zip(box, obj))


@st.composite
def _tied(draw):
    _, boxes = draw(box_clusters(max_clusters=3, max_per_cluster=5, max_coord=30))
    classes = draw(st.lists(st.integers(0, 1), min_size=len(boxes), max_size=len(boxes)))
    levels = draw(st.lists(st.sampled_from([0.25, 0.5, 0.75, 0.9]), min_size=1, max_size=2))
    return draw(_finish(boxes, classes, st.sampled_from(levels), 0.05, 0.95))


@st.composite
def _exact_threshold(draw):
    """A dyadic-IoU pair of one class holding its class's two best scores, among boxes of
    other classes; the threshold is exactly the pair's IoU, so both of the pair are kept."""
    a, b = draw(dyadic_iou_pairs())
    cls = draw(st.integers(0, 3))
    extra = draw(st.lists(st.tuples(int_boxes(20), st.integers(0, 3)), max_size=6))
    top = draw(st.lists(st.floats(0.9, 1.0), min_size=2, max_size=2))
    low = draw(st.lists(st.floats(0.0, 0.85), min_size=len(extra), max_size=len(extra)))
    items = draw(st.permutations([(a, cls, top[0]), (b, cls, top[1])]
                                 + [(box, c, s) for (box, c), s in zip(extra, low)]))
    boxes, classes, scores = ([item[k] for item in items] for k in range(3))
    threshold = float(exact_iou(a, b))
    assume(_safe(boxes, classes, threshold))
    return _args(boxes, scores, classes, threshold)


@st.composite
def _zero_and_one(draw):
    pairs = draw(st.lists(st.one_of(touching_pairs(), dyadic_iou_pairs(), nested_pairs()),
                          min_size=1, max_size=4))
    boxes = draw(st.permutations([box for pair in pairs for box in pair]))
    classes = draw(st.lists(st.integers(0, 1), min_size=len(boxes), max_size=len(boxes)))
    scores = draw(st.lists(scores_01, min_size=len(boxes), max_size=len(boxes)))
    return _args(boxes, scores, classes, draw(st.sampled_from([0.0, 1.0])))


@st.composite
def _negative(draw):
    """Every coordinate at most 0, boxes of several classes piled on each other. Shifting
    class c by c * (max coordinate + 1), as some libraries do, no longer separates them."""
    _, boxes = draw(box_clusters(max_clusters=3, max_per_cluster=5, max_coord=40))
    right = max(max(box[2], box[3]) for box in boxes)
    shift = right + draw(st.integers(0, 3))
    boxes = [_b(b[0] - shift, b[1] - shift, b[2] - shift, b[3] - shift) for b in boxes]
    classes = draw(st.lists(st.integers(0, 3), min_size=len(boxes), max_size=len(boxes)))
    return draw(_finish(boxes, classes, low=0.2, high=0.8))


@st.composite
def _sparse_ids(draw):
    """Class ids that are neither small nor consecutive (e.g. 7, 90, 999)."""
    ids = draw(st.lists(st.integers(0, 999), min_size=1, max_size=3, unique=True))
    _, boxes = draw(box_clusters(max_clusters=3, max_per_cluster=4, max_coord=40))
    classes = draw(st.lists(st.sampled_from(ids), min_size=len(boxes), max_size=len(boxes)))
    return draw(_finish(boxes, classes, low=0.2, high=0.8))


@st.composite
def _with_zero_area(draw):
    zeros = draw(st.lists(zero_area_boxes(10), min_size=1, max_size=4))
    zeros += draw(st.lists(st.sampled_from(zeros), max_size=3))  # exact duplicates
    boxes = draw(st.permutations(zeros + draw(st.lists(int_boxes(10), max_size=5))))
    classes = draw(st.lists(st.integers(0, 1), min_size=len(boxes), max_size=len(boxes)))
    return draw(_finish(boxes, classes))


@st.composite
def _float_coordinates(draw):
    boxes = draw(jittered_float_boxes())
    classes = draw(st.lists(st.integers(0, 1), min_size=len(boxes), max_size=len(boxes)))
    return draw(_finish(boxes, classes))


@st.composite
def _empty_or_single(draw):
    boxes = draw(st.lists(int_boxes(10), max_size=1))
    return _args(boxes, draw(st.lists(scores_01, min_size=len(boxes), max_size=len(boxes))),
                 draw(st.lists(st.integers(0, 5), min_size=len(boxes), max_size=len(boxes))),
                 draw(st.floats(0.0, 1.0)))


def _large_case(seed):
    """4000 detections: 1000 objects, four jittered copies each, 80 classes.

    Whole-number coordinates (areas below 5,000) and the threshold 1/2: an IoU p / q that is
    not exactly 1/2 is at least 1 / (2q) > 1e-4 away from it, so every decision is exact.
    About 1,500 boxes are kept, 20 per class: comparing each box with the kept boxes of every
    class does about 50 times the work of comparing it with its own class's. Scores come
    from 1,024 levels, so many are tied: an unstable sort visits or lists them out of order.
    """
    boxes, owner = seeded_clusters(seed, n_objects=1000, copies=4, columns=40, jitter=8)
    object_class = np.random.default_rng(seed + 1).integers(0, 80, size=1000)
    scores = seeded_scores(seed, len(boxes), grid=1024, ties=True)
    return _args(boxes, scores, object_class[owner], 0.5)


SQUARE = _b(0, 0, 10, 10)
EMPTY = (np.zeros((0, 4)), np.zeros(0), np.zeros(0, dtype=np.int64), 0.5)


def check_input(boxes, scores, class_ids, iou_threshold):
    """The contract's rules for typed custom input."""
    return (rules.boxes("boxes", boxes) or rules.one_per_box("scores", scores, len(boxes))
            or rules.one_per_box("class_ids", class_ids, len(boxes))
            or rules.between("iou_threshold", iou_threshold, 0.0, 1.0))


PROPERTIES = [
    Property(
        name="random_boxes_and_classes",
        description="Up to a dozen random whole-number boxes in up to three classes, with "
                    "random scores and thresholds.",
        strategy=_random(),
        weight=3,
        max_examples=80,
        explicit=(
            # The worked example from the statement.
            _args([_b(0, 0, 4, 4), _b(1, 0, 5, 4), _b(0, 0, 4, 4), _b(10, 10, 12, 12)],
                  [0.9, 0.8, 0.7, 0.6], [0, 0, 1, 0], 0.5),
            # Box 1 is suppressed by box 0, so it must not suppress box 2 (same class).
            _args([_b(0, 0, 4, 1), _b(1, 0, 5, 1), _b(2, 0, 6, 1)], [0.9, 0.8, 0.7],
                  [3, 3, 3], 0.5),
        ),
    ),
    Property(
        name="same_box_other_class",
        hint="Suppression happens only within a class: a box of another class never suppresses, "
             "even when identical.",
        rank=2,
        description="The same objects detected in several classes: a box is only suppressed "
                    "by kept boxes of its own class, never by an identical box of another.",
        strategy=_shared_objects(),
        weight=2,
        max_examples=50,
        explicit=(
            _args([SQUARE, SQUARE], [0.9, 0.8], [0, 1], 0.5),
            _args([SQUARE, _b(1, 0, 11, 10), SQUARE], [0.5, 0.9, 0.7], [1, 0, 0], 0.3),
        ),
    ),
    Property(
        name="order_across_classes",
        hint="The answer is sorted by score over all classes (ties by index), not grouped class "
             "by class.",
        rank=2,
        description="Objects of different classes with interleaved scores: the answer is "
                    "sorted by score over all classes, not grouped class by class.",
        strategy=_interleaved(),
        weight=2,
        max_examples=40,
        explicit=(
            _args([_b(0, 0, 2, 2), _b(5, 5, 7, 7), _b(10, 0, 12, 2)], [0.3, 0.9, 0.6],
                  [0, 1, 0], 0.5),
        ),
    ),
    Property(
        name="tied_scores",
        hint="Ties between equal scores: equal scores are visited, and listed, in ascending "
             "index order.",
        rank=2,
        description="Overlapping detections sharing one or two score values: equal scores "
                    "are visited, and listed, in index order.",
        strategy=_tied(),
        weight=2,
        max_examples=50,
        explicit=(
            _args([SQUARE, SQUARE], [0.5, 0.5], [2, 2], 0.5),
            _args([_b(0, 0, 4, 4), _b(8, 8, 9, 9), _b(1, 0, 5, 4), _b(0, 0, 4, 4)],
                  [0.7, 0.7, 0.7, 0.7], [0, 1, 0, 0], 0.3),
        ),
    ),
    Property(
        name="iou_equal_to_threshold",
        hint="Suppress only when the IoU is strictly greater than the threshold.",
        rank=2,
        description="Two boxes of one class overlap with an IoU exactly equal to the "
                    "threshold, which must not suppress.",
        strategy=_exact_threshold(),
        weight=2,
        max_examples=40,
        explicit=(
            _args([_b(0, 0, 3, 1), _b(1, 0, 4, 1)], [0.9, 0.8], [1, 1], 0.5),
            _args([_b(0, 0, 4, 4), _b(0, 0, 2, 2), _b(0, 0, 2, 2)], [0.2, 0.3, 0.1],
                  [0, 0, 1], 0.25),
        ),
    ),
    Property(
        name="thresholds_zero_and_one",
        hint="Threshold 0: any real overlap within a class suppresses, touching does not; "
             "threshold 1: nothing is suppressed.",
        rank=2,
        description="Threshold 0 (any overlap within a class suppresses, touching does not) "
                    "and threshold 1 (nothing is suppressed).",
        strategy=_zero_and_one(),
        weight=1,
        max_examples=30,
        explicit=(
            _args([_b(0, 0, 2, 2), _b(2, 0, 4, 2), _b(1, 1, 3, 3), _b(1, 1, 3, 3)],
                  [0.9, 0.8, 0.7, 0.6], [0, 0, 0, 1], 0.0),
            _args([SQUARE, SQUARE, SQUARE], [0.3, 0.9, 0.3], [0, 0, 0], 1.0),
        ),
    ),
    Property(
        name="negative_coordinates",
        hint="Keeping classes apart must not rely on coordinates being positive (an offset trick "
             "needs an offset larger than every coordinate's extent).",
        rank=1,
        description="Every coordinate negative, boxes of several classes overlapping: keeping "
                    "classes apart must not rely on coordinates being positive.",
        strategy=_negative(),
        weight=2,
        max_examples=50,
        explicit=(
            _args([_b(-30, -30, -2, -2), _b(-30, -30, -2, -2)], [0.9, 0.8], [0, 1], 0.5),
            _args([_b(-20, -10, -10, 0), _b(-21, -10, -11, 0), _b(-19, -10, -9, 0)],
                  [0.6, 0.8, 0.7], [2, 0, 1], 0.4),
        ),
    ),
    Property(
        name="sparse_class_ids",
        hint="Class ids are labels, not positions: 7, 90 and 999 are three classes.",
        rank=1,
        description="Class ids that are large and not consecutive, such as 7, 90 and 999.",
        strategy=_sparse_ids(),
        weight=1,
        max_examples=30,
        explicit=(_args([SQUARE, _b(1, 0, 11, 10), SQUARE], [0.9, 0.8, 0.7], [999, 999, 7],
                        0.5),),
    ),
    Property(
        name="zero_area_boxes",
        hint="A zero-area box has IoU 0 with every box, so it never suppresses and is never "
             "suppressed.",
        rank=2,
        description="Points and segments, some identical, among ordinary boxes: a zero-area "
                    "box never overlaps anything.",
        strategy=_with_zero_area(),
        weight=1,
        max_examples=30,
        explicit=(_args([_b(1, 1, 1, 1), _b(1, 1, 1, 1), _b(0, 0, 2, 0)], [0.9, 0.8, 0.7],
                        [0, 0, 0], 0.0),),
    ),
    Property(
        name="float_coordinates",
        description="Boxes with fractional and negative coordinates and shifted copies.",
        strategy=_float_coordinates(),
        weight=1,
        max_examples=40,
    ),
    Property(
        name="empty_and_single",
        hint="With no boxes the answer is an empty list; a single box is always kept.",
        rank=1,
        description="No boxes at all (arrays of shape (0, 4), (0,) and (0,)) and a single box.",
        strategy=_empty_or_single(),
        weight=1,
        max_examples=10,
        explicit=(EMPTY, _args([SQUARE], [0.0], [5], 0.0)),
    ),
    Property(
        name="large_input",
        description="4000 detections in 80 classes, answered within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(_large_case),
        weight=2,
        max_examples=2,
        size="4,000 detections in 80 classes",
        time_limit_s=0.4,
    ),
]
