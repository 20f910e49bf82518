"""rotated_iou's reference against shapely's polygon intersection, on the challenge's own
hidden inputs (every property, seed 0) and on uniformly random pairs; and the claims the
rotated-box strategies make about their pairs."""
import functools
import math
import random

import pytest
from shapely.geometry import Polygon

from judge.catalogue import CHALLENGES_DIR, load_challenge
from judge.geometry import rotated_corners, rotated_iou
from judge.plans import draw_examples
from judge.strategies.rotated import circumradius, well_conditioned

CHALLENGE = load_challenge(CHALLENGES_DIR / "rotated_iou")


def shapely_iou(a, b) -> float:
    origin = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    pa, pb = Polygon(rotated_corners(a, origin)), Polygon(rotated_corners(b, origin))
    inter = pa.intersection(pb).area
    return inter / (pa.area + pb.area - inter)


@functools.lru_cache(maxsize=None)
def drawn(name: str, seed: int) -> tuple:
    prop = next(p for p in CHALLENGE.properties if p.name == name)
    return tuple(args for args, _ in draw_examples(prop, seed))


def hidden_pairs(seeds=(0,)):
    for prop in CHALLENGE.properties:
        for seed in seeds:
            for args in drawn(prop.name, seed):
                yield prop.name, args


def random_pairs(count: int):
    rng = random.Random(8)
    for _ in range(count):
        a = (rng.uniform(-900, 900), rng.uniform(-900, 900), rng.uniform(1, 300),
             rng.uniform(1, 300), rng.uniform(-1e4, 1e4))
        reach = circumradius(a)
        b = (a[0] + rng.uniform(-reach, reach), a[1] + rng.uniform(-reach, reach),
             rng.uniform(1, 300), rng.uniform(1, 300), rng.uniform(-1e4, 1e4))
        yield a, b


def test_reference_matches_shapely_on_hidden_and_random_pairs():
    pairs = [args for _, args in hidden_pairs()] + list(random_pairs(400))
    assert len(pairs) >= 500
    worst = max(abs(CHALLENGE.reference(a, b) - shapely_iou(a, b)) for a, b in pairs)
    assert worst < 1e-9


def test_geometry_helper_agrees_with_the_reference():
    for a, b in random_pairs(300):
        assert abs(rotated_iou(a, b) - CHALLENGE.reference(a, b)) < 1e-12


def naive_iou(a, b) -> float:
    """Clipping and shoelace on absolute coordinates: what the conditioning guard protects."""
    from judge.geometry import clip_convex, polygon_area
    pa, pb = rotated_corners(a), rotated_corners(b)
    inter = abs(polygon_area(clip_convex(pa, pb)))
    return inter / (abs(polygon_area(pa)) + abs(polygon_area(pb)) - inter)


def test_every_hidden_pair_is_well_conditioned_and_within_the_contract():
    for name, (a, b) in hidden_pairs():
        assert well_conditioned(a, b), name
        for box in (a, b):
            assert abs(box[0]) <= 1000 and abs(box[1]) <= 1000, (name, box)
            assert 0.1 <= box[2] <= 1000 and 0.1 <= box[3] <= 1000, (name, box)
        assert abs(naive_iou(a, b) - CHALLENGE.reference(a, b)) < 1e-9, (name, a, b)


def test_the_guard_refuses_a_tiny_box_far_from_the_origin():
    tiny = (999.0, -999.0, 0.1, 0.1, 30.0)
    assert not well_conditioned(tiny, (999.05, -999.0, 0.1, 0.1, 10.0))
    assert well_conditioned((9.0, -9.0, 0.1, 0.1, 30.0), (9.05, -9.0, 0.1, 0.1, 10.0))


@pytest.mark.parametrize("prop, check", [
    ("one_box_inside_the_other", lambda a, b, v: math.isclose(
        v, min(a[2] * a[3], b[2] * b[3]) / max(a[2] * a[3], b[2] * b[3]), abs_tol=1e-12)),
    ("same_box_written_differently", lambda a, b, v: abs(v - 1) < 1e-12),
    ("disjoint_and_touching", lambda a, b, v: v < 1e-12),
    ("crossing_boxes", lambda a, b, v: 0 < v < 1),
])
def test_strategies_build_the_relation_they_promise(prop, check):
    for a, b in drawn(prop, 0):
        assert check(a, b, CHALLENGE.reference(a, b)), (a, b)
