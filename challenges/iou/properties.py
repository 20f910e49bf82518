"""Hidden checks for `iou`: overlaps, separations, nesting, degenerate boxes and big boxes."""
from hypothesis import strategies as st

from judge import input_rules as rules
from judge.properties import Property
from judge.strategies.boxes import (
    disjoint_pairs,
    float_boxes,
    int_boxes,
    jitter_box,
    nested_pairs,
    touching_pairs,
    zero_area_boxes,
)


def _box(*values):
    return tuple(float(v) for v in values)


# Small grid: two random boxes on it overlap more often than not.
overlapping_ints = st.tuples(int_boxes(12, min_size=1), int_boxes(12, min_size=1))


@st.composite
def _float_pair(draw):
    a = draw(float_boxes())
    if draw(st.booleans()):
        return a, draw(float_boxes())
    shift = st.floats(-5, 5, allow_nan=False).map(lambda v: round(v, 3))
    b = jitter_box(a, *(draw(shift) for _ in range(4)))
    return tuple(draw(st.permutations([a, tuple(round(v, 3) for v in b)])))


@st.composite
def _with_zero_area(draw):
    zero = zero_area_boxes(12)
    kind = draw(st.sampled_from(["zero_and_box", "two_zero", "same_zero", "zero_inside"]))
    if kind == "zero_and_box":
        pair = [draw(zero), draw(int_boxes(12, min_size=1))]
    elif kind == "two_zero":
        pair = [draw(zero), draw(zero)]
    elif kind == "same_zero":
        z = draw(zero)
        pair = [z, z]
    else:  # a point or segment lying inside (or on the border of) a real box
        z = draw(zero)
        grow = [draw(st.integers(0, 3)) for _ in range(4)]
        pair = [z, _box(z[0] - grow[0], z[1] - grow[1], z[2] + grow[2], z[3] + grow[3])]
    return tuple(draw(st.permutations(pair)))


def _big_pair(n):
    """Boxes tens of thousands of units wide: instant for the formula, hopeless per pixel."""
    scale = 10_000 * (n + 2)
    return (_box(0, 0, 4 * scale, 3 * scale), _box(scale, scale // 2, 5 * scale, 4 * scale))


def check_input(box_a, box_b):
    """The contract's rule for typed custom input: two boxes with x1 <= x2 and y1 <= y2."""
    return rules.box("box_a", box_a) or rules.box("box_b", box_b)


PROPERTIES = [
    Property(
        name="overlapping_integer_boxes",
        description="Random boxes with whole-number coordinates on a small grid, most of them "
                    "partly overlapping.",
        strategy=overlapping_ints,
        weight=3,
        max_examples=150,
        explicit=(
            (_box(0, 0, 4, 4), _box(2, 2, 6, 6)),
            (_box(0, 0, 2, 2), _box(1, 0, 3, 2)),
            (_box(0, 0, 10, 2), _box(4, -3, 6, 7)),
        ),
    ),
    Property(
        name="float_coordinates",
        hint="Use continuous coordinates: area is (x2 - x1) * (y2 - y1) with no +1.",
        rank=1,
        description="Boxes with fractional and negative coordinates, independent or slightly "
                    "shifted copies of each other.",
        strategy=_float_pair(),
        weight=2,
        max_examples=100,
        explicit=(
            (_box(-1.5, -0.25, 2.5, 3.75), _box(0.5, 0.75, 4.125, 2.5)),
            (_box(0, 0, 0.01, 0.01), _box(0.005, 0, 0.015, 0.01)),
        ),
    ),
    Property(
        name="separated_and_touching",
        hint="Boxes that do not overlap, or only touch, have intersection 0 and so IoU 0: clamp "
             "the overlap's width and height at 0.",
        rank=2,
        description="Boxes that do not overlap: apart on one axis, apart on both, or touching "
                    "only along an edge or at a corner.",
        strategy=st.one_of(disjoint_pairs(), touching_pairs()),
        weight=2,
        max_examples=100,
        explicit=(
            (_box(0, 0, 1, 1), _box(2, 2, 3, 3)),
            (_box(0, 0, 2, 2), _box(5, 5, 9, 9)),
            (_box(0, 0, 2, 2), _box(2, 0, 4, 2)),
            (_box(0, 0, 2, 2), _box(2, 2, 4, 4)),
            (_box(0, 0, 2, 2), _box(3, 0, 5, 2)),
        ),
    ),
    Property(
        name="nested_boxes",
        hint="When one box lies inside the other, the intersection is the inner box.",
        rank=1,
        description="One box lying entirely inside the other, edges possibly shared, "
                    "including identical boxes.",
        strategy=nested_pairs(),
        weight=1,
        max_examples=80,
        explicit=(
            (_box(0, 0, 4, 4), _box(1, 1, 3, 3)),
            (_box(1, 1, 3, 3), _box(0, 0, 4, 4)),
            (_box(2, 3, 7, 5), _box(2, 3, 7, 5)),
            (_box(0, 0, 4, 2), _box(0, 0, 4, 1)),
        ),
    ),
    Property(
        name="zero_area_boxes",
        hint="When the union has zero area (points and segments), the IoU is 0.0, not a division "
             "by zero.",
        rank=2,
        description="Points and line segments paired with real boxes or with each other, "
                    "including two identical zero-area boxes.",
        strategy=_with_zero_area(),
        weight=2,
        max_examples=80,
        explicit=(
            (_box(1, 1, 1, 1), _box(1, 1, 1, 1)),
            (_box(0, 0, 4, 0), _box(0, 0, 4, 0)),
            (_box(0, 0, 0, 3), _box(0, 1, 0, 5)),
            (_box(2, 2, 2, 2), _box(0, 0, 4, 4)),
            (_box(0, 2, 4, 2), _box(0, 0, 4, 4)),
        ),
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
