"""Hidden checks for `rotated_iou`.

The pairs come from judge/strategies/rotated.py: every one is well conditioned (no tiny box so
far from the origin that the shoelace formula on absolute coordinates loses 1e-9), and huge
angles appear only where the IoU cannot depend on them (nested or far-apart boxes), so every
correct formulation lands well within the absolute tolerance of 1e-7.
"""
import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.rotated import (
    axis_aligned_pairs,
    crossing_pairs,
    disjoint_pairs,
    extreme_pairs,
    nested_pairs,
    overlapping_pairs,
    same_box_pairs,
    sides,
)


def _b(*values):
    return tuple(float(v) for v in values)


MANY_TURNS = st.one_of(st.integers(-10_000, 10_000).map(float),
                       st.floats(-10_000, 10_000).map(lambda v: round(v, 1)))


def _huge(seed):
    """Boxes hundreds of units wide, turned by tens of billions of degrees: one inside the
    other's inscribed circle (IoU = area ratio) or out of reach (IoU 0), so the answer does
    not depend on how the angles are rounded."""
    rng = np.random.default_rng(seed)
    def angle():
        return float(rng.integers(10 ** 10, 10 ** 11))
    if seed % 2 == 0:
        a = _b(rng.integers(-500, 500), rng.integers(-500, 500), 900, 700, angle())
        return (a, _b(a[0] + 40, a[1] - 30, 400, 300, angle()))
    y = float(rng.integers(-500, 500))
    return (_b(-650, y, 900, 700, angle()), _b(650, y + 200, 500, 800, angle()))


PROPERTIES = [
    Property(
        name="axis_aligned",
        description="Angles that are multiples of 90 degrees, with whole-number corners: the "
                    "ordinary IoU, with w and h trading places at 90 and 270 degrees.",
        strategy=axis_aligned_pairs(),
        weight=2,
        max_examples=60,
        explicit=((_b(0, 0, 4, 2, 0), _b(1, 0, 4, 2, 0)), (_b(0, 0, 4, 2, 90), _b(0, 0, 4, 2, 0)),
                  (_b(0.5, 0, 3, 2, 0), _b(0, 0.5, 2, 3, 270))),
    ),
    Property(
        name="overlapping_rotated_boxes",
        description="Random rectangles at random angles (in degrees), centred close enough to "
                    "overlap in many ways.",
        strategy=overlapping_pairs(),
        weight=3,
        max_examples=120,
        explicit=((_b(0, 0, 2, 2, 0), _b(0, 0, 2, 2, 45)), (_b(0, 0, 4, 2, 30), _b(1, 1, 3, 1, 0))),
    ),
    Property(
        name="rotation_direction",
        description="Off-centre boxes turned by different angles: positive angles turn "
                    "counter-clockwise, from the x axis towards the y axis.",
        strategy=overlapping_pairs(angles=st.sampled_from([15.0, 30.0, -30.0, 60.0, 100.0, -75.0]),
                                   side=sides(1, 20)),
        weight=2,
        max_examples=60,
        explicit=((_b(0, 0, 6, 1, 45), _b(2, 2, 2, 2, 0)), (_b(0, 0, 6, 1, -45), _b(2, 2, 2, 2, 0))),
    ),
    Property(
        name="same_box_written_differently",
        description="One rectangle described twice: turned by 180 or 360 degrees, or with w and "
                    "h swapped and a quarter turn; the IoU is 1.",
        strategy=same_box_pairs(),
        weight=2,
        max_examples=60,
        explicit=((_b(0, 0, 4, 2, 0), _b(0, 0, 2, 4, 90)), (_b(3, 1, 5, 1, 30), _b(3, 1, 5, 1, 30)),
                  (_b(0, 0, 2, 2, 0), _b(0, 0, 2, 2, 0))),
    ),
    Property(
        name="one_box_inside_the_other",
        description="A box entirely inside the other, so no edges cross: the IoU is the ratio "
                    "of their areas.",
        strategy=nested_pairs(),
        weight=2,
        max_examples=60,
        explicit=((_b(0, 0, 10, 10, 0), _b(1, 1, 2, 3, 30)),),
    ),
    Property(
        name="crossing_boxes",
        description="Two thin boxes crossing like a plus sign: no corner of either is inside the "
                    "other, the overlap comes from edge crossings only.",
        strategy=crossing_pairs(),
        weight=2,
        max_examples=60,
        explicit=((_b(0, 0, 10, 1, 0), _b(0, 0, 10, 1, 90)), (_b(0, 0, 10, 2, 20), _b(0, 0, 10, 2, 80))),
    ),
    Property(
        name="disjoint_and_touching",
        description="Boxes far apart, and axis-aligned boxes sharing only an edge or a corner: "
                    "the IoU is 0.",
        strategy=disjoint_pairs(),
        weight=1,
        max_examples=40,
        explicit=((_b(0, 0, 2, 2, 0), _b(2, 0, 2, 2, 0)), (_b(0, 0, 2, 2, 0), _b(2, 2, 2, 2, 0)),
                  (_b(0, 0, 2, 2, 0), _b(0, 3, 2, 2, 90))),
    ),
    Property(
        name="angles_beyond_one_turn",
        description="Angles of thousands of degrees, positive and negative: only the angle "
                    "modulo 360 matters, and no range such as [0, 90) may be assumed.",
        strategy=overlapping_pairs(angles=MANY_TURNS),
        weight=2,
        max_examples=60,
        explicit=((_b(0, 0, 4, 1, 120), _b(0, 0, 4, 1, 0)), (_b(0, 0, 4, 1, 1830), _b(1, 0, 2, 2, -700))),
    ),
    Property(
        name="thin_and_large_boxes",
        description="Boxes as thin as 0.1 and as long as 1000, centred up to 1000 from the "
                    "origin.",
        strategy=extreme_pairs(),
        weight=1,
        max_examples=60,
        explicit=((_b(500, -300, 1000, 0.1, 30), _b(500, -300, 0.1, 1000, 30)),),
    ),
    Property(
        name="huge_angles_time",
        description="Large boxes turned by tens of billions of degrees, answered within the "
                    "time limit.",
        strategy=st.integers(0, 2 ** 16).map(_huge),
        weight=1,
        max_examples=1,
        explicit=(_huge(0),),
        size="one pair of large boxes turned by tens of billions of degrees",
        time_limit_s=0.05,
    ),
]
