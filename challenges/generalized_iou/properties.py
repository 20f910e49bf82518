"""Hidden checks for `generalized_iou`.

Both boxes always have positive area (the contract promises it), so the union and the
enclosing box are never 0. GIoU is continuous and compared with a tolerance, so there is no
knife-edge: integer or 1/1000-grid coordinates keep every formulation (IoU - (C - U) / C,
IoU - 1 + U / C, ...) within a few ulps of the exact value.
"""
from hypothesis import strategies as st

from judge import input_rules as rules
from judge.properties import Property
from judge.strategies.boxes import (
    disjoint_pairs,
    dyadic_iou_pairs,
    int_boxes,
    jitter_box,
    nested_pairs,
    touching_pairs,
)


def _b(*values):
    return tuple(float(v) for v in values)


@st.composite
def _float_box(draw, low=-50, high=50, max_side=40):
    """Coordinates on a 1/1000 grid, sides at least 0.001 (positive area)."""
    x = draw(st.integers(low * 1000, high * 1000)) / 1000
    y = draw(st.integers(low * 1000, high * 1000)) / 1000
    w = draw(st.integers(1, max_side * 1000)) / 1000
    h = draw(st.integers(1, max_side * 1000)) / 1000
    return _b(x, y, round(x + w, 3), round(y + h, 3))


@st.composite
def _float_pair(draw):
    a = draw(_float_box())
    if draw(st.booleans()):
        return a, draw(_float_box())
    shift = st.integers(-4000, 4000).map(lambda k: k / 1000)
    b = jitter_box(a, *(draw(shift) for _ in range(4)))
    b = tuple(round(v, 3) for v in b)
    if b[2] - b[0] < 0.001 or b[3] - b[1] < 0.001:  # the jitter crushed it: widen it again
        b = _b(b[0], b[1], round(b[0] + 0.5, 3), round(b[1] + 0.5, 3))
    return tuple(draw(st.permutations([a, b])))


@st.composite
def _far_apart(draw):
    """Small boxes thousands of units apart: C dwarfs both, so GIoU is just above -1."""
    a = draw(_float_box(-10, 10, 5))
    dx = draw(st.integers(-100, 100)) * 100
    dy = draw(st.integers(-100, 100).filter(lambda v: abs(v) > 5 or abs(dx) > 500)) * 100
    b = draw(_float_box(-10, 10, 5))
    return tuple(draw(st.permutations([a, _b(b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy)])))


def _big_pair(n):
    """Boxes tens of thousands of units wide: instant for the formula, hopeless per pixel."""
    scale = 10_000 * (n + 2)
    return _b(0, 0, 4 * scale, 3 * scale), _b(5 * scale, scale // 2, 7 * scale, 4 * scale)


positive_ints = int_boxes(12, min_size=1)


def check_input(box_a, box_b):
    """The contract's rule for typed custom input: two boxes with x1 <= x2 and y1 <= y2."""
    return rules.box("box_a", box_a) or rules.box("box_b", box_b)


PROPERTIES = [
    Property(
        name="overlapping_integer_boxes",
        description="Random boxes with whole-number coordinates on a small grid, most of them "
                    "partly overlapping.",
        strategy=st.tuples(positive_ints, positive_ints),
        weight=3,
        max_examples=150,
        explicit=(
            # The worked example from the statement.
            (_b(0, 0, 2, 2), _b(1, 1, 4, 3)),
            (_b(0, 0, 4, 4), _b(2, 2, 6, 6)),
            (_b(0, 0, 10, 2), _b(4, -3, 6, 7)),
        ),
    ),
    Property(
        name="separated_boxes",
        description="Boxes apart on one axis or on both: IoU 0, so the enclosing-box penalty "
                    "alone makes GIoU negative.",
        strategy=disjoint_pairs(min_size=1),
        weight=2,
        max_examples=100,
        explicit=(
            (_b(0, 0, 1, 1), _b(2, 2, 3, 3)),
            (_b(0, 0, 2, 2), _b(5, 0, 7, 2)),
            (_b(0, 0, 2, 1), _b(4, 3, 5, 7)),
        ),
    ),
    Property(
        name="touching_boxes",
        description="Boxes sharing only an edge or a corner; side by side and aligned they "
                    "fill their enclosing box exactly, so GIoU is 0.",
        strategy=touching_pairs(),
        weight=2,
        max_examples=80,
        explicit=(
            (_b(0, 0, 2, 2), _b(2, 0, 4, 2)),
            (_b(0, 0, 2, 2), _b(2, 2, 4, 4)),
            (_b(0, 0, 2, 3), _b(2, 1, 5, 2)),
        ),
    ),
    Property(
        name="nested_and_identical",
        description="One box inside the other (C is the outer box, so GIoU equals IoU) and "
                    "identical boxes (GIoU 1).",
        strategy=st.one_of(nested_pairs(min_size=1), dyadic_iou_pairs()),
        weight=1,
        max_examples=80,
        explicit=(
            (_b(0, 0, 4, 4), _b(1, 1, 3, 3)),
            (_b(2, 3, 7, 5), _b(2, 3, 7, 5)),
        ),
    ),
    Property(
        name="float_coordinates",
        description="Fractional and negative coordinates, independent boxes or slightly "
                    "shifted copies of each other.",
        strategy=_float_pair(),
        weight=2,
        max_examples=100,
        explicit=(
            (_b(-1.5, -0.25, 2.5, 3.75), _b(0.5, 0.75, 4.125, 2.5)),
            (_b(0, 0, 0.01, 0.01), _b(0.02, 0.005, 0.03, 0.015)),
        ),
    ),
    Property(
        name="far_apart",
        description="Small boxes hundreds to thousands of units apart: GIoU approaches -1 but "
                    "stays above it.",
        strategy=_far_apart(),
        weight=1,
        max_examples=50,
        explicit=((_b(0, 0, 1, 1), _b(9999, 9999, 10000, 10000)),),
    ),
    Property(
        name="large_boxes",
        description="Boxes tens of thousands of units wide, answered within the time limit.",
        strategy=st.integers(0, 2).map(_big_pair),
        weight=1,
        max_examples=3,
        explicit=(_big_pair(0),),
        size="one pair of boxes tens of thousands of units wide",
        time_limit_s=0.1,
    ),
]
