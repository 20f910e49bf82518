"""Hidden checks for homography.

Every case is generated from a homography with H[2, 2] = 1 and bounded entries that keeps
the src points' hull away from infinity, and both point sets are kept well spread
(judge.strategies.points.homography_pair), so the 8 x 8 system is well conditioned and a
correct solver lands within about 1e-11 of the coordinates, far inside the tolerance.
Each strategy yields (src, dst) with float64 (4, 2) arrays.
"""
import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.points import homography_pair, homography_pairs, project

SQUARE = [[0, 0], [1, 0], [1, 1], [0, 1]]


def _case(src, matrix):
    """src and its images under `matrix` (which must have H[2, 2] = 1)."""
    src = np.asarray(src, dtype=np.float64)
    return (src, project(np.asarray(matrix, dtype=np.float64), src))


def _reordered(pair, order):
    src, dst = pair
    return (src[order], dst[order])


def _large_case(seed):
    return homography_pair(seed, 640.0)


WORKED = [[2.0, 1.0, 0.0], [0.0, 2.0, 0.0], [0.0, 1.0, 1.0]]  # the square seen as a trapezoid
PERSPECTIVE = [[2.0, 0.5, 1.0], [0.25, 1.5, 0.5], [0.0625, 0.125, 1.0]]
ROTATION = [[0.6, -0.8, 5.0], [0.8, 0.6, -2.0], [0.0, 0.0, 1.0]]

PROPERTIES = [
    Property(
        name="random_homographies",
        description="Four points within [0, 100]^2 and their images under a random "
                    "homography with perspective.",
        strategy=homography_pairs(100.0),
        weight=3,
        max_examples=100,
        explicit=(
            _case(SQUARE, WORKED),
            _case(SQUARE, PERSPECTIVE),
            _case([[10, 10], [90, 20], [80, 70], [20, 90]], [[0.5, 0.0625, 7.0],
                                                             [0.125, 1.5, -3.0],
                                                             [0.001, -0.002, 1.0]]),
        ),
    ),
    Property(
        name="image_coordinates",
        description="Points with pixel coordinates up to 2000, where solving badly "
                    "conditioned equations (such as the normal equations A^T A) loses the "
                    "precision asked for.",
        strategy=homography_pairs(2000.0),
        weight=2,
        max_examples=80,
        explicit=(_case([[0, 0], [1919, 0], [1919, 1079], [0, 1079]],
                        [[0.9, 0.05, 30.0], [-0.02, 1.1, 12.0], [1e-5, 4e-5, 1.0]]),),
    ),
    Property(
        name="unit_scale",
        description="Points within the unit square, from the unit square itself to small "
                    "quadrilaterals.",
        strategy=homography_pairs(1.0),
        weight=1,
        max_examples=60,
        explicit=(_case(SQUARE, np.eye(3)),
                  _case(SQUARE, [[2, 0, 0.5], [0, 3, 0], [0.25, 0.5, 1]])),
    ),
    Property(
        name="affine_maps",
        description="Homographies without perspective (last row 0, 0, 1): identities, "
                    "translations, rotations, scalings and shears, with points on the axes.",
        strategy=homography_pairs(50.0, perspective=False),
        weight=2,
        max_examples=60,
        explicit=(
            _case(SQUARE, ROTATION),
            _case([[0, 0], [4, 0], [0, 3], [5, 6]], [[1, 0, 7], [0, 1, -2], [0, 0, 1]]),
            _case([[0, 0], [0, 10], [10, 0], [10, 10]], [[2, 0, 0], [0, 0.5, 0], [0, 0, 1]]),
        ),
    ),
    Property(
        name="point_inside_or_crossing_order",
        description="One src point inside the triangle of the other three, or the four "
                    "points listed in a self-crossing order.",
        strategy=st.one_of(homography_pairs(100.0, inner=True),
                           st.tuples(homography_pairs(100.0),
                                     st.sampled_from([[0, 2, 1, 3], [1, 0, 3, 2]])).map(
                               lambda t: _reordered(*t))),
        weight=2,
        max_examples=60,
        explicit=(_case([[0, 0], [10, 0], [0, 10], [3, 3]], PERSPECTIVE),
                  _case([[0, 0], [1, 1], [1, 0], [0, 1]], PERSPECTIVE)),
    ),
    Property(
        name="negative_scale_factor",
        description="Homographies whose third coordinate w = h31 x + h32 y + 1 is negative "
                    "at every src point (still no point sent to infinity).",
        strategy=homography_pairs(100.0, negative_w=True),
        weight=1,
        max_examples=40,
        explicit=(_case([[80, 80], [100, 80], [100, 100], [80, 100]],
                        [[1, 0, 0], [0, 1, 0], [-0.02, -0.01, 1]]),),
    ),
    Property(
        name="answer_time",
        description="An ordinary case answered within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(_large_case),
        weight=1,
        max_examples=1,
        size="one set of four point pairs",
        time_limit_s=0.05,
    ),
]
