"""Point sets and starting centroids for k-means, and the check that keeps them fair.

Coordinates are dyadic (k / 4 by default) or small integers, so squared distances in the
first assignment are exact in every formulation (a loop over (p - c)^2, numpy broadcasting,
or |p|^2 - 2 p.c + |c|^2 through BLAS), and centroid sums are exact too.

Knife-edges avoided (`lloyd_is_clear`): a point whose two nearest centroids are within a
relative 1e-9 of each other in any iteration, unless the tie is exact in every formulation:
in the first assignment with integer coordinates, or between identical centroids that have
never had a point (still bitwise copies of each other). Later centroids are means, rounded
differently by different correct solutions, so any other near-tie there could go either way.
"""
import numpy as np
from hypothesis import strategies as st

from judge.strategies.arrays import dyadic_arrays

RELATIVE_GAP = 1e-9
MAX_EXACT = 2 ** 20  # integer coordinates this small square and sum exactly


def _integral(*arrays) -> bool:
    return all(np.array_equal(a, np.round(a)) and np.abs(a).max(initial=0) < MAX_EXACT
               for a in arrays)


def lloyd_is_clear(points, centroids, iterations: int, gap: float = RELATIVE_GAP):
    """(clear, ties, empty): whether every assignment of the k-means run the contract
    describes is decided beyond rounding, how many exact ties it met on the way, and how
    many times a centroid got no point."""
    points = np.asarray(points, dtype=np.float64)
    cents = np.array(centroids, dtype=np.float64)
    integer = _integral(points, cents)
    untouched = np.ones(len(cents), dtype=bool)  # never had a point: the initial value
    ties = empty = 0
    for step in range(iterations):
        dist = ((points[:, None, :] - cents[None, :, :]) ** 2).sum(axis=2)
        best = dist.min(axis=1, keepdims=True)
        scale = 1 + (points ** 2).sum(axis=1)[:, None] + (cents ** 2).sum(axis=1)[None, :]
        near = dist - best <= gap * scale
        for row in np.nonzero(near.sum(axis=1) > 1)[0]:
            tied = np.nonzero(near[row])[0]
            if (dist[row, tied] != best[row, 0]).any():
                return False, ties, empty  # close but not equal: rounding would decide
            copies = (cents[tied] == cents[tied[0]]).all() and untouched[tied].all()
            if not (copies or (step == 0 and integer)):
                return False, ties, empty
            ties += 1
        labels = dist.argmin(axis=1)
        filled = np.unique(labels)
        empty += len(cents) - len(filled)
        for c in filled:
            cents[c] = points[labels == c].mean(axis=0)
            untouched[c] = False
    return True, ties, empty


def final_state(points, centroids, iterations: int):
    """(centroids, labels of the last assignment, a fresh assignment to those centroids)."""
    points = np.asarray(points, dtype=np.float64)
    cents = np.array(centroids, dtype=np.float64)
    for _ in range(iterations):
        labels = ((points[:, None, :] - cents[None]) ** 2).sum(axis=2).argmin(axis=1)
        for c in np.unique(labels):
            cents[c] = points[labels == c].mean(axis=0)
    fresh = ((points[:, None, :] - cents[None]) ** 2).sum(axis=2).argmin(axis=1)
    return cents, labels, fresh


@st.composite
def blobs(draw, max_blobs: int = 4, per_blob: int = 5, dims=(1, 3), gap: int = 12,
          spread: int = 8, denominator: int = 4, min_blobs: int = 1):
    """An (N, D) float64 array: min_blobs to max_blobs groups of points, each within
    spread / denominator of its own centre; centres sit on a grid `gap` apart."""
    d = draw(st.integers(*dims))
    count = draw(st.integers(min_blobs, max_blobs))
    corners = draw(st.lists(st.tuples(*[st.integers(-2, 2)] * d), min_size=count,
                            max_size=count, unique=True))
    groups = []
    for corner in corners:
        size = draw(st.integers(1, per_blob))
        offsets = draw(dyadic_arrays((size, d), (-spread, spread), denominator))
        groups.append(np.array(corner, dtype=np.float64) * gap + offsets)
    points = np.concatenate(groups)
    return points[np.array(draw(st.permutations(range(len(points)))))]


@st.composite
def starts(draw, points, k: int, how=None, span: int = 30):
    """k initial centroids for `points`: copies of some points ("points", possibly the same
    one twice), of k different points ("distinct", k <= N), random dyadic positions
    ("anywhere") or all crowded in one corner ("corner")."""
    n, d = points.shape
    how = how or draw(st.sampled_from(["points", "anywhere", "corner"]))
    if how == "points":
        picks = draw(st.lists(st.integers(0, n - 1), min_size=k, max_size=k))
        return points[picks].copy()
    if how == "distinct":
        return points[draw(st.permutations(range(n)))[:k]].copy()
    if how == "corner":
        base = points.min(axis=0) - 4
        return base + draw(dyadic_arrays((k, d), (0, 8), 4))
    return draw(dyadic_arrays((k, d), (-4 * span, 4 * span), 4))


@st.composite
def integer_ties(draw, max_points: int = 8, dims=(1, 3), span: int = 6, max_k: int = 4):
    """(points, centroids) with small integer coordinates where some point is exactly
    equidistant from two centroids (placed symmetrically around it), plus duplicates."""
    d = draw(st.integers(*dims))
    n = draw(st.integers(1, max_points))
    points = draw(dyadic_arrays((n, d), (-span, span), 1))
    centre = points[draw(st.integers(0, n - 1))]
    offset = draw(dyadic_arrays((d,), (-3, 3), 1))
    if not offset.any():
        offset[0] = 1.0
    pair = [centre + offset, centre - offset]
    others = list(draw(dyadic_arrays((draw(st.integers(0, max_k - 2)), d), (-span, span), 1)))
    if others and draw(st.booleans()):
        others.append(others[0].copy())  # an identical centroid
    cents = draw(st.permutations(pair + others))
    return points, np.array(cents)


def seeded_blobs(seed: int, n: int = 4000, k: int = 8, d: int = 2, iterations: int = 20):
    """(points, centroids): n points in k overlapping Gaussian blobs (coordinates k / 64),
    started from k random points; the first seed from `seed` up whose run is clear."""
    while True:
        rng = np.random.default_rng(seed)
        centres = rng.uniform(-20, 20, size=(k, d))
        points = centres[rng.integers(0, k, size=n)] + rng.normal(0, 4, size=(n, d))
        points = np.round(points * 64) / 64
        cents = points[rng.choice(n, size=k, replace=False)].copy()
        if lloyd_is_clear(points, cents, iterations)[0]:
            return points, cents
        seed += 1
