"""The iou reference against shapely's polygon areas on 1,000 random box pairs."""
import random

import pytest
from shapely.geometry import box as shapely_box

from tests.unit.oracles.loader import reference


def shapely_iou(a, b) -> float:
    pa, pb = shapely_box(*a), shapely_box(*b)
    union = pa.union(pb).area
    return pa.intersection(pb).area / union if union > 0 else 0.0


@pytest.mark.parametrize("seed", range(4))
def test_reference_agrees_with_shapely(seed):
    iou = reference("iou")
    rng = random.Random(seed)
    for _ in range(250):
        boxes = []
        for _ in range(2):
            x, y = rng.uniform(-50, 50), rng.uniform(-50, 50)
            w, h = rng.choice([0.0, rng.uniform(0, 40)]), rng.uniform(0, 40)
            boxes.append((x, y, x + w, y + h))
        assert iou(*boxes) == pytest.approx(shapely_iou(*boxes), rel=1e-9, abs=1e-12)
