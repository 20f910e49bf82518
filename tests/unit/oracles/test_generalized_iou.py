"""The generalized_iou reference against shapely: intersection, union and the envelope of
the union (the enclosing box C) as polygon areas, on 1,000 random pairs."""
import numpy as np
from shapely.geometry import box as polygon

from judge.catalogue import CHALLENGES_DIR, load_challenge

reference = load_challenge(CHALLENGES_DIR / "generalized_iou").reference


def random_box(rng):
    """Positive-area boxes: small integer ones that often overlap, or general floats."""
    if rng.random() < 0.5:
        x, y = rng.integers(0, 10, 2)
        w, h = rng.integers(1, 8, 2)
    else:
        x, y = rng.uniform(-100, 100, 2)
        w, h = rng.uniform(1e-3, 60, 2)
    return (float(x), float(y), float(x + w), float(y + h))


def shapely_giou(a, b):
    pa, pb = polygon(*a), polygon(*b)
    union = pa.union(pb)
    hull = union.envelope.area
    return pa.intersection(pb).area / union.area - (hull - union.area) / hull


def test_reference_matches_shapely_on_1000_pairs():
    rng = np.random.default_rng(7)
    values = []
    for _ in range(1000):
        a, b = random_box(rng), random_box(rng)
        want = shapely_giou(a, b)
        got = reference(a, b)
        assert abs(got - want) <= 1e-9 + 1e-6 * abs(want), (a, b, got, want)
        values.append(got)
    assert min(values) < -0.5 and max(values) > 0.5  # both far-apart and overlapping pairs


def test_identical_boxes_give_one_and_aligned_touching_ones_zero():
    for a, b, want in (((0, 0, 2, 3), (0, 0, 2, 3), 1.0), ((0, 0, 2, 2), (2, 0, 4, 2), 0.0)):
        assert reference(a, b) == want
        assert abs(shapely_giou(a, b) - want) < 1e-12
