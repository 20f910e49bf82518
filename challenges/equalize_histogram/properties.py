"""Hidden checks for equalize_histogram.

The answer is exact (integers compared exactly), so the knife-edges are the halves of
255 (c(v) - h_min) / (n - h_min), and the contract decides them: they round up. They are
built on purpose: 255 x / D is a half exactly when D / gcd(x, D) = 2m for some m dividing
255 and x / gcd(x, D) is odd. Each strategy yields (image,) with an int64 (H, W) array of 0..255.
"""
import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.arrays import int_images, shapes

DIVISORS_OF_255 = (1, 3, 5, 15, 17, 51, 85, 255)


def _image(values, shape):
    return np.array(values, dtype=np.int64).reshape(shape)


@st.composite
def _random_images(draw, max_side=8, low=0, high=255):
    return (draw(int_images(draw(shapes(1, max_side)), low, high)),)


@st.composite
def _few_levels(draw):
    """Up to 16 x 16 pixels sharing two to four grey levels, so each level has many pixels."""
    shape = draw(shapes(1, 16))
    levels = draw(st.lists(st.integers(0, 255), min_size=2, max_size=4, unique=True))
    picks = draw(st.lists(st.integers(0, len(levels) - 1), min_size=shape[0] * shape[1],
                          max_size=shape[0] * shape[1]))
    return (_image([levels[k] for k in picks], shape),)


@st.composite
def _exact_halves(draw):
    """Images where n - h_min = g * 2m (m | 255) and several cumulative counts c - h_min are
    odd multiples of g, each of which lands on an exact half; the pixels are shuffled.

    With g > 1 the scale 255 / (n - h_min) is not a float, so a solution that multiplies
    by it instead of dividing once rounds some of these halves down.
    """
    shape = draw(shapes(2, 24))
    n = shape[0] * shape[1]
    d = draw(st.sampled_from([2 * m for m in DIVISORS_OF_255 if 2 * m < n]))
    g = draw(st.integers(1, (n - 1) // d))
    spread = g * d
    halves = [g * y for y in range(1, d, 2)]
    cuts = set(draw(st.lists(st.sampled_from(halves), min_size=1, max_size=6)))
    cuts |= set(draw(st.lists(st.integers(1, spread - 1), max_size=2)))
    cuts = sorted(cuts) + [spread]
    levels = sorted(draw(st.lists(st.integers(0, 255), min_size=len(cuts) + 1,
                                  max_size=len(cuts) + 1, unique=True)))
    counts = [n - spread] + [b - a for a, b in zip([0] + cuts[:-1], cuts)]
    values = np.repeat(levels, counts)
    order = np.random.default_rng(draw(st.integers(0, 2 ** 32 - 1))).permutation(n)
    return (values[order].reshape(shape),)


@st.composite
def _uniform(draw):
    shape = draw(shapes(1, 6))
    return (np.full(shape, draw(st.integers(0, 255)), dtype=np.int64),)


def _large_case(seed):
    """A 1024 x 1024 image with a bell-shaped histogram squeezed into the darker half."""
    rng = np.random.default_rng(seed)
    return (np.clip(rng.normal(90, 25, size=(1024, 1024)), 0, 255).astype(np.int64),)


HALVES = _image([10, 10, 20, 30, 30, 40, 40, 40], (2, 4))  # the worked example

PROPERTIES = [
    Property(
        name="random_images",
        description="Random 8-bit images up to 8 x 8.",
        strategy=_random_images(),
        weight=2,
        max_examples=120,
        explicit=((_image([52, 55, 61, 59, 79, 61, 76, 61, 55], (3, 3)),),),
    ),
    Property(
        name="exact_halves",
        description="Images where many grey levels map to exactly k + 0.5 before rounding, "
                    "which must round up (42.5 becomes 43).",
        strategy=_exact_halves(),
        weight=3,
        max_examples=120,
        explicit=(
            (HALVES,),
            (_image([0, 1, 2, 2, 3, 3, 3], (1, 7)),),
            (_image([5, 9], (1, 2)),),
            (_image([200] * 9 + [201] + [202] * 9 + [255], (4, 5)),),
            # 255 * 25 / 50 = 127.5 exactly, but 25 * (255 / 50) = 127.49999999999999.
            (_image([0] + [100] * 25 + [200] * 25, (3, 17)),),
            (_image([3] * 6 + [60] * 21 + [90] * 189, (12, 18)),),  # 255 * 21 / 210 = 25.5
        ),
    ),
    Property(
        name="darkest_level_above_zero",
        description="Images whose darkest grey level is not 0 and may be bright, so the "
                    "count of pixels at the darkest level present is what is subtracted.",
        strategy=_random_images(max_side=7, low=100, high=255),
        weight=2,
        max_examples=80,
        explicit=((_image([100, 200, 150, 250], (2, 2)),), (_image([254, 255, 255], (3, 1)),)),
    ),
    Property(
        name="few_levels",
        description="Images of up to 16 x 16 pixels with only two to four grey levels.",
        strategy=_few_levels(),
        weight=2,
        max_examples=80,
        explicit=((_image([10, 10, 10, 20], (2, 2)),), (_image([0, 255] * 8, (4, 4)),)),
    ),
    Property(
        name="single_grey_level",
        description="An image with one grey level everywhere (including 1 x 1) comes back "
                    "unchanged.",
        strategy=_uniform(),
        weight=1,
        max_examples=30,
        explicit=((_image([7, 7, 7, 7], (2, 2)),), (_image([0], (1, 1)),),
                  (_image([255] * 3, (1, 3)),)),
    ),
    Property(
        name="large_image_time",
        description="A 1024 x 1024 image within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(_large_case),
        weight=1,
        max_examples=1,
        size="a 1024 x 1024 image",
        time_limit_s=0.5,
    ),
]
