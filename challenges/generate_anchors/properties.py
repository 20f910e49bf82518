"""Hidden checks for `generate_anchors`.

Every answer is a whole number (rounded base anchors plus integer shifts), so correct
solutions agree bit for bit once the rounding itself is decided alike. Knife-edges avoided
(`rounding_is_clear`): a half-width or half-height within 1e-9 (relative) of a half-integer
that is not exactly one. Exact halves are only drawn where every float64 formulation gets
them exactly (a ratio whose square root is a power of two and a dyadic size), so `round`
half to even is tested without rounding doubt; the float32 trap sits 5e-7 from a half,
far outside float64 error and inside float32's.
"""
import math
from fractions import Fraction

from hypothesis import assume
from hypothesis import strategies as st

from judge.properties import Property

GAP = 1e-9
TYPICAL_SIZES = (16, 32, 64, 128, 256, 512)
TYPICAL_RATIOS = (0.5, 1.0, 2.0)
# Square roots that are powers of two: every formulation of w and h is exact with them.
EXACT_RATIOS = (1.0, 4.0, 0.25, 16.0, 0.0625)
RATIOS = st.one_of(st.sampled_from([0.25, 0.5, 2.0, 3.0, 4.0, 1 / 3, 1.5, 0.75, 1.0]),
                   st.floats(0.1, 10).map(lambda v: round(v, 3)))
SIZES = st.one_of(st.integers(1, 512), st.floats(0.5, 512).map(lambda v: round(v, 2)))


def _exact_ratio(ratio) -> bool:
    """sqrt(ratio) is a power of two, so sqrt, 1/sqrt and their products are exact."""
    root = math.sqrt(ratio)
    return root * root == ratio and math.frexp(root)[0] == 0.5


def _near_half(value: float) -> bool:
    """Within GAP (relative) of a half-integer k + 1/2, where rounding could go either way."""
    return abs(abs(value) % 1 - 0.5) <= GAP * max(1.0, abs(value))


def rounding_is_clear(sizes, aspect_ratios) -> bool:
    """Every half-width and half-height rounds the same way in every float64 formulation."""
    for ratio in aspect_ratios:
        exact = _exact_ratio(ratio) and all(Fraction(s).denominator <= 2 ** 20 for s in sizes)
        root = math.sqrt(ratio)
        for size in sizes:
            for half in ((1 / root) * size / 2, root * size / 2):
                if _near_half(half) and not (exact and abs(half) % 1 == 0.5):
                    return False
    return True


def _args(height, width, stride, sizes, ratios):
    return (int(height), int(width), int(stride), tuple(sizes), tuple(ratios))


@st.composite
def configurations(draw, sides=(1, 4), strides=st.integers(1, 32), sizes=SIZES, ratios=RATIOS,
                   n_sizes=(1, 3), n_ratios=(1, 3), square=None):
    """A feature map, stride, sizes and ratios whose rounding is clear."""
    height = draw(st.integers(*sides))
    width = height if square else draw(st.integers(*sides))
    if square is False and width == height:
        width = height + 1
    size_list = draw(st.lists(sizes, min_size=n_sizes[0], max_size=n_sizes[1], unique=True))
    ratio_list = draw(st.lists(ratios, min_size=n_ratios[0], max_size=n_ratios[1], unique=True))
    assume(rounding_is_clear(size_list, ratio_list))
    return _args(height, width, draw(strides), size_list, ratio_list)


def _subset(values):
    return st.lists(st.sampled_from(values), min_size=1, max_size=len(values),
                    unique=True).map(sorted)


def _typical():
    """torchvision's usual sizes and ratios (all clear of rounding doubt)."""
    return st.builds(_args, st.integers(1, 4), st.integers(1, 4), st.sampled_from([4, 8, 16, 32]),
                     _subset(TYPICAL_SIZES), _subset(TYPICAL_RATIOS))


@st.composite
def half_way(draw):
    """Sizes and exact ratios that put anchor edges exactly on k + 1/2, odd strides."""
    ratios = draw(st.lists(st.sampled_from(EXACT_RATIOS), min_size=1, max_size=2, unique=True))
    # w/2 = s / (2 sqrt(r)): an odd multiple of 1/2 needs s an odd multiple of sqrt(r).
    sizes = []
    for _ in range(draw(st.integers(1, 3))):
        ratio = draw(st.sampled_from(ratios))
        odd = 2 * draw(st.integers(0, 12)) + 1
        scale = draw(st.sampled_from([math.sqrt(ratio), 1 / math.sqrt(ratio)]))
        sizes.append(odd * scale)
    sizes = list(dict.fromkeys(sizes))
    stride = draw(st.sampled_from([1, 3, 5, 7, 2, 4]))
    return _args(draw(st.integers(1, 2)), draw(st.integers(1, 3)), stride, sizes, ratios)


@st.composite
def float32_traps(draw):
    """Ratio 1 and sizes 1e-6 from an odd whole number: float32 sees the exact half-way
    point (and rounds it to even) where float64 sees a value clearly above or below it."""
    sizes = []
    for _ in range(draw(st.integers(1, 3))):
        k = draw(st.integers(8, 30))
        # k even: float32 rounds k + 1/2 down, float64 sees k + 1/2 + 5e-7 and rounds up;
        # k odd: the mirror image.
        sizes.append(2 * k + 1 + (1e-6 if k % 2 == 0 else -1e-6))
    ratios = [1.0] + draw(st.lists(st.sampled_from([0.5, 2.0]), max_size=1))
    assume(rounding_is_clear(sizes, ratios))
    return _args(1, draw(st.integers(1, 2)), draw(st.sampled_from([1, 8])), sizes, ratios)


def _large(choice):
    sizes, ratios = [((32, 64, 128), (0.5, 1.0, 2.0)), ((128, 256, 512), (0.5, 1.0, 2.0))][choice]
    return _args(100, 100, (8, 16)[choice], sizes, ratios)


PROPERTIES = [
    Property(
        name="typical_configurations",
        description="torchvision-style sizes (16 to 512) and ratios (0.5, 1, 2) on small maps.",
        strategy=_typical(),
        weight=2,
        max_examples=40,
        explicit=(_args(1, 1, 16, (32,), (0.5, 1.0, 2.0)), _args(2, 2, 16, (32, 64), (1.0,))),
    ),
    Property(
        name="ratio_is_height_over_width",
        description="Aspect ratios other than 1: a ratio r makes anchors sqrt(r) times taller "
                    "and sqrt(r) times narrower than a square of the same size.",
        strategy=configurations(sides=(1, 1), strides=st.just(1), n_sizes=(1, 1),
                                ratios=RATIOS.filter(lambda r: abs(r - 1) > 0.05)),
        weight=2,
        max_examples=40,
        explicit=(_args(1, 1, 1, (32,), (2.0,)), _args(1, 1, 1, (10,), (0.25,))),
    ),
    Property(
        name="base_anchor_order",
        description="Several sizes and ratios: the base anchors go ratio by ratio, and within "
                    "a ratio size by size.",
        strategy=configurations(sides=(1, 1), n_sizes=(2, 3), n_ratios=(2, 3)),
        weight=2,
        max_examples=40,
        explicit=(_args(1, 1, 1, (32, 64), (0.5, 2.0)),),
    ),
    Property(
        name="half_way_rounding",
        description="Anchor edges that fall exactly half-way between two whole numbers are "
                    "rounded to the even one (2.5 -> 2, -2.5 -> -2, 3.5 -> 4), before the "
                    "shift is added.",
        strategy=half_way(),
        weight=3,
        max_examples=60,
        explicit=(_args(1, 1, 1, (5,), (1.0,)), _args(1, 2, 5, (5,), (1.0,)),
                  _args(1, 1, 1, (1, 3, 7), (1.0,)), _args(1, 1, 1, (6,), (4.0,))),
    ),
    Property(
        name="row_major_locations",
        description="Feature maps that are not square: locations go row by row (y outer, "
                    "x inner), x advancing along the width.",
        strategy=configurations(sides=(2, 5), n_sizes=(1, 1), n_ratios=(1, 1), square=False),
        weight=2,
        max_examples=40,
        explicit=(_args(2, 3, 10, (4,), (1.0,)), _args(3, 1, 4, (8,), (1.0,))),
    ),
    Property(
        name="location_major_rows",
        description="Several locations and several anchors per location: the A anchors of one "
                    "location are consecutive rows.",
        strategy=configurations(sides=(2, 3), n_sizes=(1, 2), n_ratios=(2, 2)),
        weight=2,
        max_examples=40,
        explicit=(_args(1, 2, 8, (8,), (0.5, 2.0)),),
    ),
    Property(
        name="strides",
        description="Strides from 1 to 64: the anchors of location (y, x) are shifted by "
                    "exactly (x * stride, y * stride), with no half-cell offset.",
        strategy=configurations(sides=(1, 3), strides=st.integers(1, 64), n_sizes=(1, 2),
                                n_ratios=(1, 2)),
        weight=2,
        max_examples=40,
        explicit=(_args(2, 2, 7, (4,), (1.0,)),),
    ),
    Property(
        name="float64_precision",
        description="Sizes a millionth away from an odd whole number: in float32 the half-width "
                    "lands exactly half-way and rounds the other way, so compute in float64.",
        strategy=float32_traps(),
        weight=1,
        max_examples=30,
        explicit=(_args(1, 1, 1, (41 + 1e-6,), (1.0,)), _args(1, 1, 1, (23 - 1e-6,), (1.0,))),
    ),
    Property(
        name="tiny_anchors",
        description="One location with sizes of a few pixels and extreme ratios: anchors that "
                    "round to zero width or height, or to a single point.",
        strategy=configurations(sides=(1, 1), strides=st.just(1),
                                sizes=st.floats(0.25, 4).map(lambda v: round(v, 2)),
                                ratios=st.sampled_from([0.0625, 0.25, 1.0, 4.0, 16.0, 0.1, 9.0])),
        weight=1,
        max_examples=40,
        explicit=(_args(1, 1, 1, (1,), (1.0,)), _args(1, 1, 1, (1,), (4.0,)),
                  _args(1, 1, 1, (2,), (16.0,))),
    ),
    Property(
        name="large_feature_map",
        description="A 100 x 100 feature map with 3 sizes and 3 ratios (90,000 anchors) within "
                    "the time limit.",
        strategy=st.integers(0, 1).map(_large),
        weight=1,
        max_examples=1,
        explicit=(_large(0),),
        size="a 100 x 100 feature map, 9 anchors per cell (90,000 anchors)",
        time_limit_s=0.8,
    ),
]
