"""Pairs of rotated boxes `(cx, cy, w, h, angle_degrees)` with known relations.

Rotated IoU is continuous in its inputs, so there is no decision for rounding to flip; the
knife-edge is ill-conditioning instead. A straightforward solution takes the shoelace formula
on absolute coordinates, whose terms are about X^2 for coordinates of magnitude X; for a
tiny box far from the origin the cancellation alone can exceed the 1e-7 tolerance on the IoU.
Every pair drawn here is `well_conditioned`: each corner's coordinates are at most
700 * sqrt(the larger box's area), which keeps that error below 1e-9. Within that, centres
reach +-1000, sides run from 0.1 to 1000 and angles are any number of degrees (huge angles
only where the IoU does not depend on them: nested or far-apart boxes).

Values are rounded to a few decimals (angles to 0.1 degree, or whole degrees), so shrunk
counterexamples stay readable.
"""
import math

from hypothesis import assume
from hypothesis import strategies as st

from judge.geometry import rotated_corners

CONDITION = 700.0  # max |corner coordinate| / sqrt(larger area)
MAX_CENTRE, MIN_SIDE, MAX_SIDE = 1000.0, 0.1, 1000.0
ANGLES = st.one_of(st.integers(-720, 720).map(float),
                   st.floats(-360, 360).map(lambda v: round(v, 1)))
RIGHT_ANGLES = st.sampled_from([0.0, 90.0, 180.0, 270.0, -90.0, 360.0, -180.0])


def well_conditioned(a, b) -> bool:
    """No corner is so far out that the shoelace on absolute coordinates loses 1e-9."""
    scale = math.sqrt(max(a[2] * a[3], b[2] * b[3]))
    far = max(max(abs(x), abs(y)) for box in (a, b) for x, y in rotated_corners(box))
    return far <= CONDITION * scale


def circumradius(box) -> float:
    return math.hypot(box[2], box[3]) / 2


def inradius(box) -> float:
    return min(box[2], box[3]) / 2


def _box(cx, cy, w, h, angle):
    return (float(cx), float(cy), float(w), float(h), float(angle))


def sides(low: float = MIN_SIDE, high: float = 60.0):
    """Side lengths rounded to 0.1 (or whole numbers), in [low, high]."""
    return st.one_of(st.integers(max(1, math.ceil(low)), int(high)).map(float),
                     st.floats(low, high).map(lambda v: max(low, round(v, 1))))


def coordinates(span: float = 50.0):
    return st.one_of(st.integers(-int(span), int(span)).map(float),
                     st.floats(-span, span).map(lambda v: round(v, 2)))


@st.composite
def rotated_boxes(draw, span: float = 50.0, side=None, angles=ANGLES):
    side = sides() if side is None else side
    return _box(draw(coordinates(span)), draw(coordinates(span)), draw(side), draw(side),
                draw(angles))


@st.composite
def overlapping_pairs(draw, side=None, angles=ANGLES, span: float = 50.0):
    """Two random boxes, the second centred within reach of the first so they often meet."""
    a = draw(rotated_boxes(span, side, angles))
    reach = circumradius(a) + 5
    b = draw(rotated_boxes(0, side, angles))
    b = _box(a[0] + round(draw(st.floats(-reach, reach)), 2),
             a[1] + round(draw(st.floats(-reach, reach)), 2), *b[2:])
    pair = draw(st.sampled_from([(a, b), (b, a)]))
    assume(well_conditioned(*pair))
    return pair


@st.composite
def same_box_pairs(draw, angles=ANGLES):
    """One rectangle written twice: as is, turned by 180 or +-360 degrees, or with w and h
    swapped and a quarter turn added. IoU 1."""
    a = draw(rotated_boxes(50, angles=angles))
    cx, cy, w, h, angle = a
    b = draw(st.sampled_from([a, _box(cx, cy, w, h, angle + 180), _box(cx, cy, w, h, angle - 360),
                              _box(cx, cy, h, w, angle + 90), _box(cx, cy, h, w, angle - 90)]))
    return (a, b)


@st.composite
def nested_pairs(draw, angles=ANGLES, outer_sides=None, span: float = 50.0):
    """B inside A's inscribed circle: IoU = area(B) / area(A) whatever the angles."""
    outer_sides = sides(2.0, 60.0) if outer_sides is None else outer_sides
    a = draw(rotated_boxes(span, outer_sides, angles))
    room = inradius(a)
    # B's half-diagonal stays below 0.95 * room, so B clears A's sides at any angle.
    w = max(MIN_SIDE, round(draw(st.floats(0, 1.8 * room)), 1))
    h = max(MIN_SIDE, round(draw(st.floats(0, math.sqrt(max(0.0, (1.9 * room) ** 2 - w * w)))), 1))
    spare = room - math.hypot(w, h) / 2
    assume(spare > 1e-3 * room)
    offset, direction = draw(st.floats(0, 0.9)) * spare, draw(st.floats(0, 2 * math.pi))
    b = _box(a[0] + offset * math.cos(direction), a[1] + offset * math.sin(direction), w, h,
             draw(angles))
    pair = draw(st.sampled_from([(a, b), (b, a)]))
    assume(well_conditioned(*pair))
    return pair


@st.composite
def disjoint_pairs(draw, angles=ANGLES, side=None, span: float = 50.0):
    """Centres farther apart than the two circumradii: IoU 0 whatever the angles."""
    a = draw(rotated_boxes(span, side, angles))
    b = draw(rotated_boxes(0, side, angles))
    distance = circumradius(a) + circumradius(b) + draw(st.floats(0.01, 20))
    direction = draw(st.floats(0, 2 * math.pi))
    b = _box(a[0] + distance * math.cos(direction), a[1] + distance * math.sin(direction), *b[2:])
    assume(well_conditioned(a, b))
    return (a, b)


@st.composite
def crossing_pairs(draw, angles=ANGLES):
    """A plus sign: two thin rectangles on one centre, a quarter turn apart (or at some other
    angle). No corner of either lies inside the other; the overlap is a small parallelogram."""
    cx, cy = draw(coordinates(50)), draw(coordinates(50))
    long = draw(sides(10, 60))
    thin = draw(sides(0.5, long / 4))
    angle = draw(angles)
    turn = draw(st.one_of(st.just(90.0), st.floats(30, 150).map(lambda v: round(v, 1))))
    return (_box(cx, cy, long, thin, angle), _box(cx, cy, long, thin, angle + turn))


@st.composite
def axis_aligned_pairs(draw):
    """Whole-number corners, angles multiples of 90 degrees (the ordinary IoU)."""
    x, y = draw(st.integers(-10, 10)), draw(st.integers(-10, 10))
    boxes = []
    for _ in range(2):  # corners within 3 of (x, y), extents 1..8 along x and along y
        extent_x, extent_y = draw(st.integers(1, 8)), draw(st.integers(1, 8))
        x1, y1 = x + draw(st.integers(-3, 3)), y + draw(st.integers(-3, 3))
        turn = draw(RIGHT_ANGLES)
        w, h = (extent_y, extent_x) if turn % 180 else (extent_x, extent_y)
        boxes.append(_box(x1 + extent_x / 2, y1 + extent_y / 2, w, h, turn))
    return tuple(boxes)


@st.composite
def extreme_pairs(draw):
    """A box as thin as 0.1 and up to 1000 long, centred up to 1000 from the origin, against a
    second long box along it (shifted, slightly turned, crossing or reversed)."""
    long = draw(sides(100, MAX_SIDE))
    thin = draw(st.sampled_from([0.1, 0.2, 0.5, 1.0, 5.0]))
    angle = draw(ANGLES)
    a = _box(draw(coordinates(MAX_CENTRE)), draw(coordinates(MAX_CENTRE)), long, thin, angle)
    along = round(draw(st.floats(-long / 4, long / 4)), 2)
    t = math.radians(angle)
    centre = [min(MAX_CENTRE, max(-MAX_CENTRE, round(v + along * d, 2)))
              for v, d in ((a[0], math.cos(t)), (a[1], math.sin(t)))]
    turn = draw(st.sampled_from([0.0, 0.01, 0.5, 5.0, 90.0, 180.0]))
    b = _box(*centre, max(MIN_SIDE, round(long * draw(st.floats(0.5, 1.0)), 1)),
             draw(st.sampled_from([0.1, 0.2, 0.5, 1.0, 5.0])), angle + turn)
    pair = draw(st.sampled_from([(a, b), (b, a)]))
    assume(well_conditioned(*pair))
    return pair
