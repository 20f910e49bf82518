"""Hypothesis strategies for axis-aligned boxes, and the knife-edge checks they rely on.

A box is a tuple `(x1, y1, x2, y2)` of Python floats with `x1 <= x2` and `y1 <= y2`, in
continuous coordinates (see judge/geometry.py for the exact and float IoU). Challenge
`properties.py` files build their inputs from these pieces; keep the signatures stable.

Two families of coordinates are offered:
- integer-valued floats (`int_boxes` and most pair strategies): every area, intersection and
  union is an exact float, so IoU decisions agree bit for bit across correct formulations and a
  shrunk counterexample is easy to read;
- general floats (`float_boxes`), rounded to a few decimals so no subnormal or huge values appear.

Knife-edges avoided: an IoU within 1e-6 of a threshold it is compared with, unless it equals a
dyadic threshold exactly on integer boxes (then every formulation decides alike).

Contents:
- knife-edge checks: `threshold_is_safe` (is an IoU-vs-threshold decision free of rounding
  doubt for a whole box set?), `pairwise_ious`, `dyadic_pairwise_ious`, `as_box_array`
  (list of boxes -> (N, 4) float64, (0, 4) when empty);
- single boxes: `int_boxes`, `float_boxes`, `zero_area_boxes`;
- pairs with a known relation: `touching_pairs` and `disjoint_pairs` (IoU 0), `nested_pairs`,
  `dyadic_iou_pairs` (IoU exactly k / 2**m, for `>` vs `>=` knife-edges);
- lists: `jitter_box`, `box_clusters` (objects plus jittered detections),
  `jittered_float_boxes` (float boxes with shifted copies), `grid_layout`;
- arrays: `box_arrays` ((N, 4) arrays of drawn boxes, N may be 0), and for timed properties,
  built from a seed rather than drawn: `seeded_boxes` (scattered boxes) and `seeded_clusters`
  (objects with jittered copies, as a detector emits them).
"""
from fractions import Fraction
from itertools import combinations

import numpy as np
from hypothesis import strategies as st

from judge.geometry import Box, exact_iou, float_iou, is_dyadic, is_integer_box, make_box

DEFAULT_GAP = 1e-6


# ---------------------------------------------------------------- knife-edge checks


def threshold_is_safe(boxes, threshold: float, gap: float = DEFAULT_GAP) -> bool:
    """Whether comparing any pairwise IoU of `boxes` with `threshold` is unambiguous.

    Safe means every pairwise IoU is more than `gap` away from the threshold, or equals it
    exactly while both boxes have integer coordinates (at most geometry.MAX_EXACT_COORD) and the
    threshold is dyadic: then inter / union, inter > thr * union and their numpy forms all
    agree bit for bit. `boxes` may be a list of tuples or an (N, 4) array.
    """
    boxes = [tuple(float(v) for v in box) for box in boxes]
    thr = Fraction(threshold)
    for a, b in combinations(boxes, 2):
        if abs(float_iou(a, b) - threshold) > 2 * gap:  # clearly apart: skip exact maths
            continue
        value = exact_iou(a, b)
        if value == thr:
            if not (is_dyadic(thr) and is_integer_box(a) and is_integer_box(b)):
                return False
        elif abs(value - thr) <= gap:
            return False
    return True


def pairwise_ious(boxes) -> list:
    """Exact IoUs (Fractions) of every unordered pair of `boxes`."""
    boxes = [tuple(float(v) for v in box) for box in boxes]
    return [exact_iou(a, b) for a, b in combinations(boxes, 2)]


def dyadic_pairwise_ious(boxes, low: float = 0.0, high: float = 1.0) -> list:
    """Distinct exact IoUs in [low, high] of integer-box pairs that are dyadic, as floats.

    These are the thresholds a property can use to land exactly on an IoU (the `>` vs `>=`
    knife-edge) while `threshold_is_safe` still holds for those pairs.
    """
    boxes = [tuple(float(v) for v in box) for box in boxes]
    found = set()
    for a, b in combinations(boxes, 2):
        if is_integer_box(a) and is_integer_box(b):
            value = exact_iou(a, b)
            if low <= value <= high and is_dyadic(value):
                found.add(float(value))
    return sorted(found)


def as_box_array(boxes) -> np.ndarray:
    """A list of boxes as an (N, 4) float64 array; shape (0, 4) when the list is empty."""
    return np.asarray(boxes, dtype=np.float64).reshape(-1, 4)


# ---------------------------------------------------------------- single boxes


def int_boxes(max_coord: int = 20, min_size: int = 0, max_size: int | None = None,
              min_coord: int = 0):
    """Boxes with integer-valued float coordinates in [min_coord, max_coord]."""
    span = max_coord - min_coord
    max_size = span if max_size is None else min(max_size, span)

    @st.composite
    def build(draw):
        w = draw(st.integers(min_size, max_size))
        h = draw(st.integers(min_size, max_size))
        x1 = draw(st.integers(min_coord, max_coord - w))
        y1 = draw(st.integers(min_coord, max_coord - h))
        return make_box(x1, y1, x1 + w, y1 + h)

    return build()


def float_boxes(low: float = -50.0, high: float = 50.0, max_size: float = 40.0,
                decimals: int = 3):
    """Boxes with general float coordinates (rounded to `decimals`) inside [low, high].

    Sizes may be 0; a positive size is at least 10**-decimals.
    """
    coord = st.floats(low, high, allow_nan=False, allow_infinity=False)
    size = st.floats(0.0, max_size, allow_nan=False, allow_infinity=False)

    @st.composite
    def build(draw):
        x1 = round(draw(coord), decimals)
        y1 = round(draw(coord), decimals)
        w = round(draw(size), decimals)
        h = round(draw(size), decimals)
        x2 = round(min(high, x1 + w), decimals)
        y2 = round(min(high, y1 + h), decimals)
        return make_box(x1, y1, max(x1, x2), max(y1, y2))

    return build()


def zero_area_boxes(max_coord: int = 20):
    """Degenerate boxes with integer coordinates: a point, a horizontal or a vertical segment."""

    @st.composite
    def build(draw):
        kind = draw(st.sampled_from(["point", "horizontal", "vertical"]))
        length = draw(st.integers(1, max(1, max_coord // 2)))
        x1 = draw(st.integers(0, max_coord - length))
        y1 = draw(st.integers(0, max_coord - length))
        if kind == "point":
            return make_box(x1, y1, x1, y1)
        if kind == "horizontal":
            return make_box(x1, y1, x1 + length, y1)
        return make_box(x1, y1, x1, y1 + length)

    return build()


# ---------------------------------------------------------------- pairs with a known relation


@st.composite
def _symmetries(draw, a: Box, b: Box, max_shift: int = 30):
    """Apply IoU-preserving integer moves: transpose, mirror, translate, swap the two boxes."""
    if draw(st.booleans()):  # transpose x <-> y
        a, b = (a[1], a[0], a[3], a[2]), (b[1], b[0], b[3], b[2])
    if draw(st.booleans()):  # mirror x -> -x
        a, b = (-a[2], a[1], -a[0], a[3]), (-b[2], b[1], -b[0], b[3])
    if draw(st.booleans()):  # mirror y -> -y
        a, b = (a[0], -a[3], a[2], -a[1]), (b[0], -b[3], b[2], -b[1])
    dx = draw(st.integers(-max_shift, max_shift))
    dy = draw(st.integers(-max_shift, max_shift))
    a = make_box(a[0] + dx, a[1] + dy, a[2] + dx, a[3] + dy)
    b = make_box(b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy)
    if draw(st.booleans()):
        a, b = b, a
    return (a, b)


def touching_pairs(max_size: int = 10):
    """Two positive-area integer boxes that share only an edge segment or a corner (IoU 0)."""

    @st.composite
    def build(draw):
        w1, h1, w2, h2 = (draw(st.integers(1, max_size)) for _ in range(4))
        a = (0, 0, w1, h1)
        if draw(st.booleans()):  # corner contact
            b = (w1, h1, w1 + w2, h1 + h2)
        else:  # edge contact, overlapping along the shared line by a random offset
            dy = draw(st.integers(-h2 + 1, h1 - 1))
            b = (w1, dy, w1 + w2, dy + h2)
        return draw(_symmetries(a, b))

    return build()


def disjoint_pairs(max_size: int = 10, max_gap: int = 10, min_size: int = 0):
    """Two integer boxes separated by a positive gap in x, in y, or in both (diagonal).

    Sides are at least `min_size` (1 for boxes of positive area).
    """

    @st.composite
    def build(draw):
        w1, h1, w2, h2 = (draw(st.integers(min_size, max_size)) for _ in range(4))
        gx = draw(st.integers(1, max_gap))
        a = (0, 0, w1, h1)
        if draw(st.booleans()):  # diagonal: apart on both axes
            gy = draw(st.integers(1, max_gap))
            b = (w1 + gx, h1 + gy, w1 + gx + w2, h1 + gy + h2)
        else:  # side by side, the y ranges may overlap
            dy = draw(st.integers(-h2, h1))
            b = (w1 + gx, dy, w1 + gx + w2, dy + h2)
        return draw(_symmetries(a, b))

    return build()


def nested_pairs(max_size: int = 16, min_size: int = 0):
    """An integer box and a second one inside it (edges may coincide; the inner one may be
    zero-area unless `min_size` >= 1)."""

    @st.composite
    def build(draw):
        W = draw(st.integers(max(1, min_size), max_size))
        H = draw(st.integers(max(1, min_size), max_size))
        w = draw(st.integers(min_size, W))
        h = draw(st.integers(min_size, H))
        x = draw(st.integers(0, W - w))
        y = draw(st.integers(0, H - h))
        return draw(_symmetries((0, 0, W, H), (x, y, x + w, y + h)))

    return build()


# Partial 2-D overlaps (each box sticks out of the other on both axes) with a dyadic IoU.
_DYADIC_TEMPLATES = (
    ((0, 0, 2, 4), (1, 3, 4, 6)),  # 1/16
    ((0, 0, 2, 3), (1, 1, 4, 5)),  # 1/8
    ((0, 0, 2, 5), (1, 1, 3, 6)),  # 1/4
    ((0, 0, 4, 4), (1, 1, 6, 6)),  # 9/32
)


def dyadic_iou_pairs(max_power: int = 5, max_scale: int = 3):
    """Two positive-area integer boxes whose exact IoU is k / 2**m (0 < IoU <= 1).

    Mixes identical boxes, boxes shifted along one axis, nested boxes and a few partial
    2-D overlaps, then scales, mirrors, transposes and translates them. Because all areas are
    small integers and the IoU is dyadic, `iou > thr` with `thr = exact_iou(a, b)` is decided
    identically by every correct formulation, which makes the pairs ideal for `>` vs `>=`.
    """

    @st.composite
    def shifted(draw):  # equal lengths L shifted by s along x: IoU = (L - s) / (L + s)
        n = 2 ** draw(st.integers(1, max_power))
        s = draw(st.integers(0, n // 2 - 1)) if n > 2 else 0
        L = n - s
        h = draw(st.integers(1, 6))
        return (0, 0, L, h), (s, 0, s + L, h)

    @st.composite
    def nested(draw):  # outer 2**a x 2**b: IoU = inner area / 2**(a + b)
        W = 2 ** draw(st.integers(0, max_power // 2 + 1))
        H = 2 ** draw(st.integers(0, max_power // 2 + 1))
        w, h = draw(st.integers(1, W)), draw(st.integers(1, H))
        x, y = draw(st.integers(0, W - w)), draw(st.integers(0, H - h))
        return (0, 0, W, H), (x, y, x + w, y + h)

    @st.composite
    def build(draw):
        kind = draw(st.sampled_from(["identical", "shifted", "nested", "template"]))
        if kind == "identical":
            w, h = draw(st.integers(1, 8)), draw(st.integers(1, 8))
            a = b = (0, 0, w, h)
        elif kind == "shifted":
            a, b = draw(shifted())
        elif kind == "nested":
            a, b = draw(nested())
        else:
            a, b = draw(st.sampled_from(_DYADIC_TEMPLATES))
        k = draw(st.integers(1, max_scale))
        a, b = tuple(k * v for v in a), tuple(k * v for v in b)
        return draw(_symmetries(a, b))

    return build()


# ---------------------------------------------------------------- lists of boxes


def jitter_box(box: Box, dx1: float, dy1: float, dx2: float, dy2: float) -> Box:
    """Move each edge of `box`, keeping x1 <= x2 and y1 <= y2 (edges cross -> degenerate)."""
    x1, y1, x2, y2 = box[0] + dx1, box[1] + dy1, box[2] + dx2, box[3] + dy2
    return make_box(min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))


def box_clusters(max_clusters: int = 4, max_per_cluster: int = 5, max_coord: int = 60,
                 max_jitter: int = 3, min_size: int = 4, max_size: int = 16):
    """Detections as a detector emits them: a few "objects", each with jittered copies.

    Returns (objects, boxes): the object boxes and a flat list of their jittered copies,
    shuffled; all coordinates are integer-valued floats. Copies of one object overlap
    strongly, so they mix near-duplicates (suppressed / true positives) with stragglers.
    """
    jitter = st.integers(-max_jitter, max_jitter)

    @st.composite
    def build(draw):
        objects = draw(st.lists(int_boxes(max_coord, min_size=min_size, max_size=max_size),
                                min_size=1, max_size=max_clusters))
        boxes = []
        for obj in objects:
            for _ in range(draw(st.integers(1, max_per_cluster))):
                boxes.append(jitter_box(obj, *(draw(jitter) for _ in range(4))))
        boxes = draw(st.permutations(boxes))
        return objects, list(boxes)

    return build()


def jittered_float_boxes(min_seeds: int = 0, max_seeds: int = 5, max_copies: int = 2,
                         shift: float = 4.0, decimals: int = 3):
    """A shuffled list of `float_boxes` and copies of them with every edge moved by up to
    `shift` (rounded to `decimals`): near-duplicates with fractional, negative coordinates.

    No knife-edge is avoided here: a caller comparing IoUs with a threshold filters the list
    with `threshold_is_safe`.
    """
    move = st.floats(-shift, shift, allow_nan=False).map(lambda v: round(v, decimals))

    @st.composite
    def build(draw):
        seeds = draw(st.lists(float_boxes(decimals=decimals), min_size=min_seeds,
                              max_size=max_seeds))
        boxes = list(seeds)
        for box in seeds:
            for _ in range(draw(st.integers(0, max_copies))):
                moved = jitter_box(box, *(draw(move) for _ in range(4)))
                boxes.append(tuple(round(v, decimals) for v in moved))
        return list(draw(st.permutations(boxes)))

    return build()


def grid_layout(rows: int, cols: int, spacing: float, size: float) -> list:
    """Non-overlapping boxes of side `size` at the nodes of a rows x cols grid (row-major)."""
    return [make_box(c * spacing, r * spacing, c * spacing + size, r * spacing + size)
            for r in range(rows) for c in range(cols)]


# ---------------------------------------------------------------- arrays of boxes


def box_arrays(boxes=None, min_size: int = 0, max_size: int = 8):
    """An (N, 4) float64 array of boxes drawn from `boxes` (default: int_boxes(15)).

    N may be 0 (then the shape is (0, 4)); small sets shrink towards one or two boxes.
    """
    return st.lists(int_boxes(15) if boxes is None else boxes, min_size=min_size,
                    max_size=max_size).map(as_box_array)


def seeded_boxes(seed: int, n: int, span: float = 1000.0, min_side: float = 4.0,
                 max_side: float = 100.0, denominator: int = 4) -> np.ndarray:
    """n boxes scattered over [0, span]^2 from a seed, sides in [min_side, max_side].

    Coordinates are multiples of 1 / denominator (a power of two), so every area and
    intersection is exact in float64 and loops and vectorised code agree bit for bit.
    """
    rng = np.random.default_rng(seed)
    corner = rng.uniform(0, span, size=(n, 2))
    sides = rng.uniform(min_side, max_side, size=(n, 2))
    boxes = np.hstack([corner, corner + sides])
    return np.round(boxes * denominator) / denominator


def seeded_clusters(seed: int, n_objects: int, copies: int, columns: int = 25,
                    spacing: int = 100, side: int = 40, jitter: int = 6):
    """Objects on a grid, each with `copies` jittered detections, shuffled, from a seed.

    Returns (boxes, owner): an (n_objects * copies, 4) float64 array of integer-valued
    boxes and, per box, the index of its object (to give copies a shared class). Objects are
    `spacing` apart and at most `side + 2 * jitter` wide, so copies of different objects
    never overlap while copies of one object overlap heavily.
    """
    rng = np.random.default_rng(seed)
    owner = np.repeat(np.arange(n_objects), copies)
    x = (owner % columns) * spacing + 20
    y = (owner // columns) * spacing + 20
    base = np.stack([x, y, x + side, y + side], axis=1)
    moved = base + rng.integers(-jitter, jitter + 1, size=base.shape)
    boxes = np.stack([np.minimum(moved[:, 0], moved[:, 2]), np.minimum(moved[:, 1], moved[:, 3]),
                      np.maximum(moved[:, 0], moved[:, 2]), np.maximum(moved[:, 1], moved[:, 3])],
                     axis=1).astype(np.float64)
    order = rng.permutation(len(boxes))
    return boxes[order], owner[order]
