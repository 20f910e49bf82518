"""Hidden checks for `decode_boxes`.

Decoding has no threshold, so the only knife-edge is cancellation: an output corner near 0
computed from terms of magnitude M carries a rounding error of a few ulps of M, which
different correct formulations (x1 + w / 2 or (x1 + x2) / 2, pw / 2 or 0.5 * pw, numpy or
math.exp) do not share. `well_conditioned` keeps every output at least a hundred times that
error inside the tolerance 1e-9 + 1e-6 |expected|. Anchor coordinates and deltas are dyadic
(k / 16, k / 64), so the inputs themselves are exact and shrunk cases read well.
"""
import math

import numpy as np
from hypothesis import assume
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.arrays import seeded_array
from judge.strategies.boxes import seeded_boxes

CLIP = math.log(1000 / 16)
WEIGHTS = st.sampled_from([(10.0, 10.0, 5.0, 5.0), (1.0, 2.0, 3.0, 4.0), (0.5, 0.5, 2.0, 2.0),
                           (2.5, 7.5, 0.75, 1.25), (1.0, 1.0, 1.0, 1.0)])
ONES = (1.0, 1.0, 1.0, 1.0)


def _rows(values, n):
    return np.asarray(values, dtype=np.float64).reshape(n, 4)


def well_conditioned(anchors, deltas, weights) -> bool:
    """Every output within tolerance of any correct formulation (see the module docstring)."""
    wx, wy, ww, wh = weights
    size = anchors[:, 2:] - anchors[:, :2]
    centre = anchors[:, :2] + size / 2
    shift = deltas[:, :2] / np.array([wx, wy]) * size
    half = np.exp(np.minimum(deltas[:, 2:] / np.array([ww, wh]), CLIP)) * size / 2
    scale = np.abs(centre) + np.abs(shift) + half  # magnitude of the terms of each corner
    out = np.concatenate([centre + shift - half, centre + shift + half], axis=1)
    tolerance = 1e-9 + 1e-6 * np.abs(out)
    return bool((100 * 4.5e-16 * np.concatenate([scale, scale], axis=1) <= tolerance).all())


@st.composite
def _anchors(draw, n, span=100, max_side=64):
    """n anchors with corners on a 1/16 grid and sides from 1/16 to max_side."""
    cells = draw(st.lists(st.integers(-span * 16, span * 16), min_size=2 * n, max_size=2 * n))
    sides = draw(st.lists(st.integers(1, max_side * 16), min_size=2 * n, max_size=2 * n))
    corner = np.array(cells, dtype=np.float64).reshape(n, 2) / 16
    return np.hstack([corner, corner + np.array(sides, dtype=np.float64).reshape(n, 2) / 16])


def _deltas(n, low=-2.0, high=2.0):
    """n rows of (dx, dy, dw, dh), multiples of 1/64 in [low, high]."""
    return st.lists(st.integers(int(low * 64), int(high * 64)), min_size=4 * n,
                    max_size=4 * n).map(lambda v: _rows(np.array(v) / 64, n))


@st.composite
def _case(draw, deltas=None, weights=st.just(ONES), anchors=None, sizes=st.integers(1, 6)):
    n = draw(sizes)
    a = draw(anchors(n) if anchors else _anchors(n))
    d = draw(deltas(n) if deltas else _deltas(n))
    w = draw(weights)
    assume(well_conditioned(a, d, w))
    return a, d, w


@st.composite
def _zero(draw):
    n = draw(st.integers(1, 6))
    return draw(_anchors(n)), np.zeros((n, 4)), draw(WEIGHTS)


@st.composite
def _large_log_sizes(draw, n):
    """dw, dh mostly above the clip log(62.5) ~ 4.135 before or after the weights; some just
    between log(62) and log(62.5)."""
    def one(draw_):
        kind = draw_(st.sampled_from(["high", "between", "ordinary"]))
        if kind == "high":
            return draw_(st.integers(4 * 64, 40 * 64)) / 64
        if kind == "between":
            return draw_(st.floats(math.log(62) + 1e-3, CLIP - 1e-3))
        return draw_(st.integers(-128, 128)) / 64
    values = [[draw(st.integers(-64, 64)) / 64, draw(st.integers(-64, 64)) / 64,
               one(draw), one(draw)] for _ in range(n)]
    return _rows(values, n)


@st.composite
def _very_negative(draw, n):
    values = [[draw(st.integers(-64, 64)) / 64, draw(st.integers(-64, 64)) / 64,
               draw(st.integers(-20 * 64, -5 * 64)) / 64,
               draw(st.integers(-20 * 64, 64)) / 64] for _ in range(n)]
    return _rows(values, n)


@st.composite
def _elongated(draw, n):
    """Anchors 8 to 64 times wider than tall, or taller than wide."""
    rows = []
    for _ in range(n):
        x, y = draw(st.integers(-50, 50)), draw(st.integers(-50, 50))
        short, ratio = draw(st.integers(1, 4)), draw(st.integers(8, 64))
        w, h = (short * ratio, short) if draw(st.booleans()) else (short, short * ratio)
        rows.append([x, y, x + w, y + h])
    return _rows(rows, n)


@st.composite
def _far(draw, n):
    """Anchors up to 1e5 from the origin, 1/16 to 1e5 wide, every |coordinate| <= 1e5."""
    rows = []
    for _ in range(n):
        x, y = (draw(st.integers(-100_000, 99_999)) for _ in range(2))
        w = draw(st.integers(1, 16 * min(100_000, 100_000 - x))) / 16
        h = draw(st.integers(1, 16 * min(100_000, 100_000 - y))) / 16
        rows.append([x, y, x + w, y + h])
    return _rows(rows, n)


@st.composite
def _defaults(draw):
    a, d, _ = draw(_case())
    return a, d


def _large_case(seed):
    """20,000 anchors and deltas from a seed, with Faster R-CNN's ROI-head weights."""
    return (seeded_boxes(seed, 20_000), seeded_array(seed + 1, (20_000, 4), -2.0, 2.0, 64),
            (10.0, 10.0, 5.0, 5.0))


def _one(anchor, delta, weights=ONES):
    return _rows(anchor, 1), _rows(delta, 1), weights


EMPTY = (np.zeros((0, 4)), np.zeros((0, 4)), ONES)

PROPERTIES = [
    Property(
        name="random_deltas",
        description="A few anchors with moderate deltas and unit weights.",
        strategy=_case(),
        weight=3,
        max_examples=100,
        explicit=(
            # The worked example from the statement.
            _one([0, 0, 10, 20], [0.1, -0.2, math.log(2), 0.0]),
            _one([10, 10, 14, 12], [0.5, 0.5, 0.0, -1.0]),
        ),
    ),
    Property(
        name="zero_deltas",
        description="All deltas 0: every anchor comes back unchanged, whatever the weights.",
        strategy=_zero(),
        weight=1,
        max_examples=30,
        explicit=(_one([-3, 2, 5, 4], [0, 0, 0, 0], (10.0, 10.0, 5.0, 5.0)),),
    ),
    Property(
        name="weights_divide_the_deltas",
        description="Weights such as (10, 10, 5, 5) and (1, 2, 3, 4): each delta is divided "
                    "by its own weight before use.",
        strategy=_case(weights=WEIGHTS),
        weight=2,
        max_examples=80,
        explicit=(_one([0, 0, 10, 10], [1, 2, 3, 4], (1.0, 2.0, 3.0, 4.0)),),
    ),
    Property(
        name="clamped_from_above",
        description="Log-size deltas above log(1000/16) after division by the weights are "
                    "clamped there, including values just above log(62).",
        strategy=_case(deltas=_large_log_sizes, weights=WEIGHTS),
        weight=2,
        max_examples=80,
        explicit=(
            _one([0, 0, 2, 2], [0, 0, 10.0, 4.13], ONES),
            _one([0, 0, 2, 2], [0, 0, 6.0, 9.0], (1.0, 1.0, 2.0, 2.0)),
        ),
    ),
    Property(
        name="shrinking_is_not_clamped",
        description="Very negative log-size deltas shrink boxes to a sliver: the clamp "
                    "applies from above only.",
        strategy=_case(deltas=_very_negative, weights=WEIGHTS),
        weight=1,
        max_examples=40,
        explicit=(_one([0, 0, 64, 64], [0, 0, -6.0, -10.0]),),
    ),
    Property(
        name="elongated_anchors",
        description="Anchors far wider than tall or taller than wide, so x and y, and widths "
                    "and heights, cannot be mixed up unnoticed.",
        strategy=_case(anchors=_elongated, weights=WEIGHTS),
        weight=1,
        max_examples=50,
        explicit=(_one([0, 0, 32, 1], [0.25, 0.5, 0.5, -0.5], (1.0, 2.0, 3.0, 4.0)),),
    ),
    Property(
        name="large_coordinates",
        description="Anchors up to 100,000 units from the origin and up to 100,000 wide.",
        strategy=_case(anchors=_far, weights=WEIGHTS),
        weight=1,
        max_examples=50,
    ),
    Property(
        name="default_weights",
        description="Called as decode_boxes(anchors, deltas): the weights default to "
                    "(1, 1, 1, 1).",
        strategy=_defaults(),
        weight=1,
        max_examples=20,
        explicit=(_one([0, 0, 10, 20], [0.1, -0.2, 0.5, 0.25])[:2],),
    ),
    Property(
        name="no_anchors",
        description="N = 0: arrays of shape (0, 4) in, an answer of shape (0, 4) out.",
        strategy=st.sampled_from([EMPTY, (np.zeros((0, 4)), np.zeros((0, 4)))]),
        weight=1,
        max_examples=2,
        explicit=(EMPTY,),
    ),
    Property(
        name="large_input",
        description="20,000 anchors, answered within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(_large_case),
        weight=2,
        max_examples=2,
        size="20,000 anchors",
        time_limit_s=0.4,
    ),
]
