"""Hidden checks for kmeans.

Each strategy yields (points, centroids, iterations): float64 arrays (N, D) and (K, D) and
an int. Coordinates are dyadic or small integers, and every drawn run passes
judge.strategies.clusters.lloyd_is_clear: no assignment in any iteration is a near-tie,
and the exact ties left are ones every correct formulation sees exactly (integer
coordinates in the first iteration, or identical centroids that never had a point).
"""
import numpy as np
from hypothesis import assume
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.arrays import dyadic_arrays
from judge.strategies.clusters import blobs, final_state, integer_ties, lloyd_is_clear, seeded_blobs, starts


def _case(points, centroids, iterations):
    return (np.array(points, dtype=np.float64), np.array(centroids, dtype=np.float64),
            int(iterations))


def _clear(points, centroids, iterations, ties=None, empty=None):
    """The case, if lloyd_is_clear passes it; `ties` / `empty`: require (True) or forbid
    (False) exact ties / clusters without points along the way."""
    clear, found, emptied = lloyd_is_clear(points, centroids, iterations)
    assume(clear)
    for wanted, count in ((ties, found), (empty, emptied)):
        if wanted is not None:
            assume((count > 0) == wanted)
    return points, centroids, iterations


@st.composite
def separated(draw):
    """Blobs started from distinct points or random positions, for 1 to 8 rounds, with no
    tie and no empty cluster on the way (other properties take those)."""
    points = draw(blobs())
    k = draw(st.integers(1, min(4, len(points))))
    cents = draw(starts(points, k, draw(st.sampled_from(["distinct", "anywhere"]))))
    return _clear(points, cents, draw(st.integers(1, 8)), ties=False, empty=False)


@st.composite
def unfinished(draw):
    """Poor starts and 1 to 3 rounds, kept only when one more labelling step would change a
    label: the answer's labels are then not those of its centroids."""
    points = draw(blobs(min_blobs=2, max_blobs=3, per_blob=5, gap=8))
    k = draw(st.integers(2, 4))
    cents = draw(starts(points, k, "corner"))
    iterations = draw(st.sampled_from([1, 1, 2, 3]))
    _, labels, fresh = final_state(points, cents, iterations)
    assume((labels != fresh).any())
    return _clear(points, cents, iterations, ties=False)


@st.composite
def ties(draw):
    points, cents = draw(integer_ties())
    return _clear(points, cents, draw(st.integers(1, 3)), ties=True)


@st.composite
def with_empty_clusters(draw):
    """Some centroids far from every point: they never get a point and must stay where
    they are (no ties here; identical centroids are in the ties property)."""
    points = draw(blobs(max_blobs=3))
    d = points.shape[1]
    cents = list(draw(starts(points, draw(st.integers(1, min(3, len(points)))), "distinct")))
    cents += list(draw(dyadic_arrays((draw(st.integers(1, 2)), d), (-8, 8), 4)) + 1000.0)
    cents = np.array(draw(st.permutations(cents)))
    return _clear(points, cents, draw(st.integers(1, 4)), ties=False)


@st.composite
def few_points(draw):
    """N from 1 to 3 points and K from N + 1 to 6 centroids."""
    n = draw(st.integers(1, 3))
    d = draw(st.integers(1, 3))
    points = draw(dyadic_arrays((n, d), (-40, 40), 4))
    cents = draw(dyadic_arrays((draw(st.integers(n + 1, 6)), d), (-40, 40), 4))
    return _clear(points, cents, draw(st.integers(1, 3)))


@st.composite
def dimensions(draw):
    """Points on a line (D = 1) or in 4 to 5 dimensions."""
    points = draw(st.one_of(blobs(dims=(1, 1)), blobs(dims=(4, 5), max_blobs=3)))
    cents = draw(starts(points, draw(st.integers(1, 4))))
    return _clear(points, cents, draw(st.integers(1, 5)))


def large_case(seed: int):
    points, cents = seeded_blobs(seed)
    return points, cents, 20


LINE = [[0.0], [2.0], [3.0], [10.0]]

PROPERTIES = [
    Property(
        name="separated_blobs",
        description="Groups of points started from random points, random positions or one "
                    "corner, for 1 to 8 rounds of labelling and moving.",
        strategy=separated(),
        weight=3,
        max_examples=50,
        explicit=(
            _case(LINE, [[0.0], [1.0]], 2),
            _case([[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [6.0, 5.0]], [[0.0, 0.0], [5.0, 5.0]], 1),
            _case([[1.0, 1.0]], [[4.0, 4.0]], 3),
        ),
    ),
    Property(
        name="empty_clusters_stay",
        hint="A centroid that no point chooses keeps its position and its place in the answer "
             "(do not drop it or move it).",
        rank=2,
        description="Centroids that no point chooses keep their position and their place "
                    "in the answer.",
        strategy=with_empty_clusters(),
        weight=2,
        max_examples=40,
        explicit=(
            _case([[0.0], [1.0]], [[0.5], [100.0]], 2),
            _case([[0.0, 0.0], [2.0, 2.0]], [[1.0, 1.0], [-50.0, 3.0], [40.0, 40.0]], 3),
        ),
    ),
    Property(
        name="exact_ties_go_to_the_lower_index",
        hint="Ties between equally near centroids go to the lower centroid index.",
        rank=2,
        description="Integer coordinates where a point is exactly as far from two centroids, "
                    "or identical centroids: the lower centroid index wins (and an identical "
                    "copy with a higher index gets no point).",
        strategy=ties(),
        weight=2,
        max_examples=40,
        explicit=(
            _case([[1.0], [5.0], [-1.0]], [[2.0], [0.0]], 1),
            _case([[1.0, 1.0], [3.0, 5.0]], [[2.0, 2.0], [2.0, 2.0]], 2),
            _case([[0.0, 0.0], [2.0, 0.0], [1.0, 0.0]], [[2.0, 0.0], [0.0, 0.0]], 1),
        ),
    ),
    Property(
        name="more_centroids_than_points",
        hint="With more centroids than points most clusters are empty, and empty ones stay where "
             "they are.",
        rank=1,
        description="More centroids than points (K > N, even N = 1): most clusters are "
                    "empty.",
        strategy=few_points(),
        weight=2,
        max_examples=30,
        explicit=(
            _case([[3.0, -1.0]], [[0.0, 0.0], [5.0, 5.0], [3.0, 0.0]], 1),
            _case([[1.0], [2.0]], [[0.0], [10.0], [1.75], [20.0]], 2),
        ),
    ),
    Property(
        name="labels_of_the_last_assignment",
        hint="Return the labels that produced the returned centroids, not a fresh labelling by "
             "the final centroids.",
        rank=2,
        description="Runs that have not converged: the labels returned are the ones that "
                    "produced the returned centroids, not a new labelling by them.",
        strategy=unfinished(),
        weight=3,
        max_examples=30,
        explicit=(
            _case(LINE, [[0.0], [1.0]], 1),
            _case([[0.0, 0.0], [1.0, 0.0], [4.0, 0.0], [9.0, 0.0]], [[0.0, 0.0], [1.0, 0.0]], 1),
        ),
    ),
    Property(
        name="one_or_many_dimensions",
        description="Points on a line (D = 1) and in 4 or 5 dimensions.",
        strategy=dimensions(),
        weight=1,
        max_examples=30,
        explicit=(
            _case([[0.0, 0.0, 0.0, 1.0], [0.0, 0.0, 0.0, 3.0], [4.0, 4.0, 4.0, 4.0]],
                  [[0.0, 0.0, 0.0, 0.0], [4.0, 4.0, 4.0, 0.0]], 2),
        ),
    ),
    Property(
        name="large_input_time",
        description="4,000 points in 2-D, 8 centroids and 20 rounds, answered within the "
                    "time limit.",
        strategy=st.integers(0, 2 ** 16).map(large_case),
        weight=1,
        max_examples=2,
        size="4,000 points in 2-D, 8 centroids, 20 rounds",
        time_limit_s=1.5,
    ),
]
