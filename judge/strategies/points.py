"""Point sets that keep geometry well conditioned: no three points nearly collinear, clusters
well separated (so nearest-centroid decisions are never near-ties).

Knife-edges avoided: collinear or almost collinear quadruples (a homography is then
ill-conditioned and tiny rounding changes the answer), and points almost equidistant
from two centroids (k-means labels would depend on summation order).
"""
from itertools import combinations

from hypothesis import assume
from hypothesis import strategies as st


def triangle_area(a, b, c) -> float:
    return abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2


def well_spread(points, min_area: float) -> bool:
    """Every triangle of three points has at least `min_area` (no near-collinear triple)."""
    return all(triangle_area(a, b, c) >= min_area for a, b, c in combinations(points, 3))


@st.composite
def quadrilaterals(draw, span: int = 100, min_area: float = 50.0):
    """Four integer points in [0, span]^2, no three within `min_area` of collinear."""
    coord = st.integers(0, span)
    points = [(float(draw(coord)), float(draw(coord))) for _ in range(4)]
    assume(well_spread(points, min_area))
    return points


def nearest_is_clear(point, centroids, margin: float) -> bool:
    """The nearest centroid beats the second nearest by more than `margin` (squared distance)."""
    distances = sorted(sum((p - c) ** 2 for p, c in zip(point, centroid)) for centroid in centroids)
    return len(distances) < 2 or distances[1] - distances[0] > margin
