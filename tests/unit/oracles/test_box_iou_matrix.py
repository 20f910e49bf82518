"""The box_iou_matrix reference against shapely's polygon areas, on 600 random pairs of sets."""
import numpy as np
import pytest
from shapely.geometry import box as polygon

from judge.catalogue import CHALLENGES_DIR, load_challenge

reference = load_challenge(CHALLENGES_DIR / "box_iou_matrix").reference


def random_boxes(rng, n):
    """Integer, fractional, zero-area and far-from-origin boxes, mixed."""
    kind = rng.integers(0, 4)
    if kind == 0:
        corner, sides = rng.integers(0, 12, (n, 2)), rng.integers(0, 8, (n, 2))
    elif kind == 1:
        corner, sides = rng.uniform(-50, 50, (n, 2)), rng.uniform(0, 40, (n, 2))
    elif kind == 2:
        corner = rng.integers(0, 6, (n, 2))  # many points and segments
        sides = rng.integers(0, 3, (n, 2)) * rng.integers(0, 2, (n, 2))
    else:
        corner, sides = 5e4 + rng.uniform(0, 8, (n, 2)), rng.uniform(0.001, 8, (n, 2))
    corner = np.asarray(corner, dtype=np.float64)
    return np.hstack([corner, corner + sides]).reshape(-1, 4)


def shapely_iou(a, b):
    pa, pb = polygon(*a), polygon(*b)
    union = pa.union(pb).area
    return pa.intersection(pb).area / union if union > 0 else 0.0


def test_reference_matches_shapely_on_600_pairs_of_sets():
    rng = np.random.default_rng(20240514)
    compared = 0
    for _ in range(600):
        a = random_boxes(rng, int(rng.integers(0, 6)))
        b = random_boxes(rng, int(rng.integers(0, 6)))
        got = reference(a, b)
        assert got.shape == (len(a), len(b))
        want = np.array([[shapely_iou(x, y) for y in b] for x in a]).reshape(len(a), len(b))
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-9)
        compared += got.size
    assert compared > 3000


@pytest.mark.parametrize("a, b", [([[0, 0, 2, 2]], [[2, 0, 4, 2]]),
                                  ([[1, 1, 1, 1]], [[1, 1, 1, 1]])])
def test_shapely_agrees_on_the_zero_cases(a, b):
    a, b = np.array(a, dtype=float), np.array(b, dtype=float)
    assert reference(a, b)[0, 0] == shapely_iou(a[0], b[0]) == 0.0
