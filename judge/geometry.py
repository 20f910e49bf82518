"""Box geometry shared by references, strategies and figures: exact and float versions.

A box is `(x1, y1, x2, y2)` in continuous coordinates: its area is `(x2 - x1) * (y2 - y1)`
(no "+1 pixel") and the IoU of two boxes is 0 when their union is 0. A rotated box is
`(cx, cy, w, h, angle)` with the angle in degrees, its corners `(cx, cy) + R(angle)(±w/2, ±h/2)`.

The exact versions work on Fractions (every float converts to one exactly), so a strategy can
tell whether a decision such as `iou > threshold` could be flipped by rounding; the float
versions are the formulas a straightforward solution uses, for figures and fast filters.
RoI Align's sampling grid (`roi_grid`, `sample_positions`) is here too, for its strategies and
its figure. This module is pure Python and imports nothing from hypothesis, so drawing a page
never pulls in the test machinery.
"""
import math
from fractions import Fraction

Box = tuple  # (x1, y1, x2, y2) of floats

MAX_EXACT_COORD = 2 ** 16  # integer coordinates up to this keep thr * union exact in float64
MAX_DYADIC_POWER = 12  # a "dyadic" value has a denominator of at most 2**12


# ---------------------------------------------------------------- axis-aligned boxes


def make_box(x1, y1, x2, y2) -> Box:
    """A box tuple of Python floats from any four numbers (no ordering check)."""
    return (float(x1), float(y1), float(x2), float(y2))


def area(box: Box) -> float:
    """Continuous area of a box (0 for a degenerate one)."""
    x1, y1, x2, y2 = box
    return (x2 - x1) * (y2 - y1)


def intersection_box(a: Box, b: Box) -> Box | None:
    """The overlap of two boxes as a box, or None when they share no area."""
    x1, y1 = max(a[0], b[0]), max(a[1], b[1])
    x2, y2 = min(a[2], b[2]), min(a[3], b[3])
    if x2 <= x1 or y2 <= y1:
        return None
    return make_box(x1, y1, x2, y2)


def enclosing_box(a: Box, b: Box) -> Box:
    """The smallest axis-aligned box containing both boxes (C in GIoU)."""
    return make_box(min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def float_iou(a: Box, b: Box) -> float:
    """The IoU in ordinary float arithmetic (within a few ulps of the exact value); fast."""
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def is_integer_box(box: Box, limit: int | None = MAX_EXACT_COORD) -> bool:
    """Whole-number coordinates, each at most `limit` in magnitude (None: any size)."""
    return all(float(v).is_integer() and (limit is None or abs(v) <= limit) for v in box)


def exact_iou(a: Box, b: Box) -> Fraction:
    """The exact IoU of two boxes as a Fraction; 0 when the union is 0."""
    if is_integer_box(a, None) and is_integer_box(b, None):  # fast path: plain ints
        a, b = [int(v) for v in a], [int(v) for v in b]
        zero = 0
    else:  # floats convert to Fractions exactly
        a, b = [Fraction(v) for v in a], [Fraction(v) for v in b]
        zero = Fraction(0)
    iw = max(zero, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(zero, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return Fraction(inter) / union if union else Fraction(0)


def iou(a: Box, b: Box) -> float:
    """The IoU of two boxes as a float (the exact value, correctly rounded)."""
    return float(exact_iou(a, b))


def is_dyadic(value, max_power: int = MAX_DYADIC_POWER) -> bool:
    """True when `value` is k / 2**m with m <= max_power (exactly representable, short)."""
    d = Fraction(value).denominator
    return d & (d - 1) == 0 and d <= 2 ** max_power


# ---------------------------------------------------------------- rotated boxes and polygons


def rotated_corners(box, origin=(0.0, 0.0)) -> list:
    """The four corners of a rotated box `(cx, cy, w, h, angle_degrees)`, counter-clockwise,
    relative to `origin` (near the boxes, it keeps far-away small boxes accurate).

    The angle is reduced modulo 360 first, which is exact, so billions of degrees cost no
    precision beyond that of the reduced angle.
    """
    cx, cy, w, h, angle = (float(v) for v in box)
    t = math.radians(angle % 360.0)
    c, s = math.cos(t), math.sin(t)
    cx, cy = cx - origin[0], cy - origin[1]
    corners = []
    for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
        corners.append((cx + c * dx - s * dy, cy + s * dx + c * dy))
    return corners


def polygon_area(points) -> float:
    """Signed area of a simple polygon (shoelace; positive when counter-clockwise)."""
    total = 0.0
    n = len(points)
    for i in range(n):
        x1, y1 = points[i]
        x2, y2 = points[(i + 1) % n]
        total += x1 * y2 - x2 * y1
    return total / 2


def _counter_clockwise(points) -> list:
    return list(points) if polygon_area(points) >= 0 else list(reversed(points))


def clip_convex(subject, clip) -> list:
    """Sutherland-Hodgman: the part of convex polygon `subject` inside convex polygon `clip`.

    Both are lists of (x, y); the result is a (possibly empty) counter-clockwise polygon.
    """
    output = _counter_clockwise(subject)
    clip = _counter_clockwise(clip)
    for i in range(len(clip)):
        if not output:
            break
        (ax, ay), (bx, by) = clip[i], clip[(i + 1) % len(clip)]

        def side(p):
            return (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax)

        points, output = output, []
        for j in range(len(points)):
            p, q = points[j], points[(j + 1) % len(points)]
            sp, sq = side(p), side(q)
            if sp >= 0:
                output.append(p)
            if (sp >= 0) != (sq >= 0):
                t = sp / (sp - sq)
                output.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return output


def rotated_iou(a, b) -> float:
    """IoU of two rotated boxes by convex polygon clipping (float arithmetic).

    Corners are taken relative to the midpoint of the two centres and each box's area is
    w * h, so the shoelace sums do not cancel digits for small boxes far from the origin.
    """
    origin = ((float(a[0]) + float(b[0])) / 2, (float(a[1]) + float(b[1])) / 2)
    pa, pb = rotated_corners(a, origin), rotated_corners(b, origin)
    inter = abs(polygon_area(clip_convex(pa, pb)))
    union = abs(float(a[2]) * float(a[3])) + abs(float(b[2]) * float(b[3])) - inter
    return inter / union if union > 0 else 0.0


# ---------------------------------------------------------------- RoI Align sampling grid


def roi_grid(roi, output_size, spatial_scale, sampling_ratio, aligned):
    """(sy, rh, gh), (sx, rw, gw) of one RoI Align box (torchvision's rule): start and extent
    on the feature map and samples per bin, for each axis."""
    offset = 0.5 if aligned else 0.0
    x1, y1, x2, y2 = (float(v) for v in roi)
    sx, sy = x1 * spatial_scale - offset, y1 * spatial_scale - offset
    rw, rh = x2 * spatial_scale - offset - sx, y2 * spatial_scale - offset - sy
    if not aligned:
        rw, rh = max(rw, 1.0), max(rh, 1.0)
    ph, pw = output_size
    gh = sampling_ratio if sampling_ratio > 0 else math.ceil(rh / ph)
    gw = sampling_ratio if sampling_ratio > 0 else math.ceil(rw / pw)
    return (sy, rh, gh), (sx, rw, gw)


def sample_positions(start: float, extent: float, bins: int, grid: int) -> list:
    """RoI Align's sample coordinates along one axis, bin by bin."""
    size = extent / bins
    return [start + p * size + (i + 0.5) * size / grid for p in range(bins)
            for i in range(max(grid, 0))]
