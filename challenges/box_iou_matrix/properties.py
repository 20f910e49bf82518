"""Hidden checks for `box_iou_matrix`.

Every value is a ratio of exact areas (integer or 1/1000-grid coordinates well inside
float64's range), so every correct formulation lands within a few ulps of the expected IoU:
there is no threshold here and therefore no knife-edge to avoid. The properties instead aim
at the shape of the answer (which set gives the rows, empty sets) and at the cases where a
formula silently breaks (separated boxes, zero unions, float32 coordinates).
"""
import numpy as np
from hypothesis import strategies as st

from judge import input_rules as rules
from judge.properties import Property
from judge.strategies.boxes import (
    as_box_array,
    box_arrays,
    disjoint_pairs,
    dyadic_iou_pairs,
    int_boxes,
    jitter_box,
    jittered_float_boxes,
    nested_pairs,
    seeded_boxes,
    touching_pairs,
    zero_area_boxes,
)


def _b(*values):
    return tuple(float(v) for v in values)


def _sets(a, b):
    return as_box_array(a), as_box_array(b)


@st.composite
def _split(draw, pairs, max_pairs=4):
    """Pairs of related boxes, the first of each in boxes_a and the second in boxes_b, each
    set shuffled, so the pairs meet at scattered (i, j)."""
    chosen = draw(st.lists(pairs, min_size=1, max_size=max_pairs))
    a, b = [p[0] for p in chosen], [p[1] for p in chosen]
    return _sets(draw(st.permutations(a)), draw(st.permutations(b)))


@st.composite
def _different_sizes(draw):
    n = draw(st.integers(1, 6))
    m = draw(st.integers(1, 6).filter(lambda v: v != n))
    return _sets(draw(st.lists(int_boxes(12, min_size=1), min_size=n, max_size=n)),
                 draw(st.lists(int_boxes(12, min_size=1), min_size=m, max_size=m)))


@st.composite
def _float_sets(draw):
    pool = draw(jittered_float_boxes(min_seeds=1, max_seeds=4))
    pick = st.lists(st.sampled_from(pool), max_size=6)
    return _sets(draw(pick), draw(pick))


@st.composite
def _far_from_origin(draw):
    """Small boxes (sides 0.001 to 8) around x, y = 10,000 to 100,000: float64 keeps every
    side exact, float32 (about 7 digits) does not."""
    centre = draw(st.integers(10_000, 100_000))
    corner = st.integers(0, 8_000).map(lambda k: centre + k / 1000)
    side = st.integers(1, 8_000).map(lambda k: k / 1000)

    @st.composite
    def box(draw):
        x, y, w, h = draw(corner), draw(corner), draw(side), draw(side)
        return _b(x, y, round(x + w, 3), round(y + h, 3))

    a = draw(st.lists(box(), min_size=1, max_size=4))
    near = [jitter_box(v, *(draw(st.integers(-2000, 2000)) / 1000 for _ in range(4))) for v in a]
    near = [tuple(round(v, 3) for v in box) for box in near]
    return _sets(a, draw(st.permutations(near + draw(st.lists(box(), max_size=2)))))


@st.composite
def _with_zero_area(draw):
    zeros = draw(st.lists(zero_area_boxes(10), min_size=1, max_size=3))
    ordinary = int_boxes(10)
    a = zeros + draw(st.lists(ordinary, max_size=3))
    b = draw(st.lists(st.sampled_from(zeros), min_size=1, max_size=3))  # the same zero boxes
    b += draw(st.lists(st.one_of(zero_area_boxes(10), ordinary), max_size=3))
    return _sets(draw(st.permutations(a)), draw(st.permutations(b)))


@st.composite
def _empty(draw):
    n, m = draw(st.sampled_from([(0, 0), (0, 1), (1, 0), (0, 3), (4, 0)]))
    return _sets(draw(st.lists(int_boxes(10), min_size=n, max_size=n)),
                 draw(st.lists(int_boxes(10), min_size=m, max_size=m)))


def _large_case(seed):
    """1000 x 1000 boxes of sides 4 to 100 over a 1000-unit square: a million pairs, about
    one in a hundred overlapping, as the boxes of two detectors on one image would."""
    return seeded_boxes(2 * seed, 1000), seeded_boxes(2 * seed + 1, 1000)


EMPTY = np.zeros((0, 4))


def check_input(boxes_a, boxes_b):
    """The contract's rules for typed custom input."""
    return rules.boxes("boxes_a", boxes_a) or rules.boxes("boxes_b", boxes_b)


PROPERTIES = [
    Property(
        name="random_integer_boxes",
        description="Up to eight whole-number boxes in each set on a small grid, most pairs "
                    "partly overlapping.",
        strategy=st.tuples(box_arrays(int_boxes(12), max_size=8),
                           box_arrays(int_boxes(12), max_size=8)),
        weight=3,
        max_examples=100,
        explicit=(
            # The worked example from the statement.
            _sets([_b(0, 0, 4, 4), _b(10, 10, 12, 12)],
                  [_b(2, 2, 6, 6), _b(0, 0, 4, 4), _b(11, 10, 13, 12)]),
            _sets([_b(0, 0, 2, 2), _b(0, 0, 4, 4)], [_b(1, 0, 3, 2), _b(0, 0, 2, 2)]),
        ),
    ),
    Property(
        name="rows_follow_boxes_a",
        hint="Row i belongs to boxes_a[i] and column j to boxes_b[j]: the answer has shape (N, "
             "M).",
        rank=2,
        description="Sets of different sizes: row i belongs to boxes_a[i] and column j to "
                    "boxes_b[j], so the answer has shape (N, M), not (M, N).",
        strategy=_different_sizes(),
        weight=2,
        max_examples=40,
        explicit=(
            _sets([_b(0, 0, 2, 2)], [_b(0, 0, 2, 2), _b(1, 0, 3, 2), _b(5, 5, 6, 6)]),
            _sets([_b(0, 0, 2, 2), _b(1, 0, 3, 2), _b(5, 5, 6, 6)], [_b(0, 0, 4, 2)]),
        ),
    ),
    Property(
        name="separated_and_touching",
        hint="No shared area means IoU 0: clamp the overlap's width and height at 0.",
        rank=2,
        description="Boxes apart on one axis, on both axes, or touching along an edge or at a "
                    "corner: no shared area, IoU 0.",
        strategy=_split(st.one_of(disjoint_pairs(), touching_pairs())),
        weight=2,
        max_examples=60,
        explicit=(
            _sets([_b(0, 0, 1, 1), _b(0, 0, 2, 2)], [_b(2, 2, 3, 3), _b(2, 0, 4, 2)]),
            _sets([_b(0, 0, 2, 2)], [_b(3, 3, 5, 5), _b(2, 2, 4, 4)]),
        ),
    ),
    Property(
        name="nested_and_identical",
        description="Boxes inside other boxes (edges may coincide) and identical boxes, whose "
                    "IoU is exactly 1.",
        strategy=_split(st.one_of(nested_pairs(), dyadic_iou_pairs())),
        weight=1,
        max_examples=50,
        explicit=(_sets([_b(0, 0, 4, 4), _b(1, 1, 3, 3)], [_b(1, 1, 3, 3), _b(0, 0, 4, 4)]),),
    ),
    Property(
        name="zero_area_boxes",
        hint="A union of zero area gives 0.0, never NaN or an error.",
        rank=2,
        description="Points and segments in both sets, some identical: a union of zero area "
                    "gives 0.0, never NaN or an error.",
        strategy=_with_zero_area(),
        weight=2,
        max_examples=60,
        explicit=(
            _sets([_b(1, 1, 1, 1)], [_b(1, 1, 1, 1)]),
            _sets([_b(0, 0, 4, 0), _b(2, 2, 2, 2)], [_b(0, 0, 4, 0), _b(0, 0, 4, 4)]),
        ),
    ),
    Property(
        name="float_coordinates",
        description="Fractional and negative coordinates, with shifted copies of boxes.",
        strategy=_float_sets(),
        weight=1,
        max_examples=60,
        explicit=(_sets([_b(-1.5, -0.25, 2.5, 3.75)], [_b(0.5, 0.75, 4.125, 2.5)]),),
    ),
    Property(
        name="far_from_origin",
        hint="Compute in float64: float32 loses the digits that matter far from the origin.",
        rank=1,
        description="Small boxes tens of thousands of units from the origin, where float32 "
                    "coordinates lose the digits that matter.",
        strategy=_far_from_origin(),
        weight=1,
        max_examples=40,
        explicit=(_sets([_b(50000.001, 50000, 50000.011, 50000.01)],
                        [_b(50000.006, 50000, 50000.016, 50000.01)]),),
    ),
    Property(
        name="empty_sets",
        hint="With an empty set the answer still has shape (N, M), e.g. (3, 0).",
        rank=1,
        description="No boxes in one set or in both: the answer still has shape (N, M), "
                    "e.g. (3, 0).",
        strategy=_empty(),
        weight=1,
        max_examples=10,
        explicit=((EMPTY, EMPTY), (EMPTY, as_box_array([_b(0, 0, 1, 1)])),
                  (as_box_array([_b(0, 0, 1, 1), _b(1, 1, 2, 2)]), EMPTY)),
    ),
    Property(
        name="large_input",
        description="1000 boxes against 1000 boxes (a million pairs), within the time limit.",
        # One example only: its answer alone is 8 MB to send back and check.
        strategy=st.integers(0, 2 ** 16).map(_large_case),
        weight=2,
        max_examples=1,
        size="1,000 boxes against 1,000 boxes",
        time_limit_s=0.4,
    ),
]
