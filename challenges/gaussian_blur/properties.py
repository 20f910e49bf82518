"""Hidden checks for gaussian_blur.

The kernel's radius int(4 sigma + 0.5) is the one knife-edge: drawn sigmas keep 4 sigma + 0.5
at least 1e-6 away from a whole number, and the property that tests whole numbers uses
sigma = (2m - 1) / 8, for which 4 sigma + 0.5 = m exactly in floating point. Pixel values
are dyadic (exact) except in the tolerance property; the blurred values themselves are not
exact, which the comparator's 1e-9 * max|image| allows for. Each strategy yields
(image, sigma).
"""
import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.arrays import dyadic_arrays, grid, images, seeded_array, thin_shapes, wide_range_images


def _radius_is_clear(sigma: float) -> bool:
    edge = 4 * sigma + 0.5
    return abs(edge - round(edge)) > 1e-6


def sigmas(low: float, high: float):
    """Sigmas in [low, high] whose radius no rounding of 4 sigma + 0.5 could change."""
    return st.floats(low, high, allow_nan=False).filter(_radius_is_clear)


# sigma = (2m - 1) / 8: 4 sigma + 0.5 = m. For odd m, round(4 sigma) rounds half to even and
# gets m - 1; for every m, int(4 sigma) gets m - 1.
HALF_RADIUS_SIGMAS = st.integers(1, 16).map(lambda m: (2 * m - 1) / 8)


def _impulse(rows, cols, value=16.0):
    image = np.zeros((rows, cols))
    image[rows // 2, cols // 2] = value
    return image


@st.composite
def _flat_or_impulse(draw):
    shape = draw(st.sampled_from([(1, 1), (2, 5), (6, 6), (7, 3)]))
    value = float(draw(st.integers(-8, 8)))
    image = _impulse(*shape, value) if draw(st.booleans()) else np.full(shape, value)
    return (image, draw(sigmas(0.2, 3.0)))


def _large_case(seed):
    return (seeded_array(seed, (512, 512), -255.0, 255.0), 3.0)


PROPERTIES = [
    Property(
        name="reflected_borders",
        description="Images up to 8 x 8 with sigmas from 0.3 to 2.5, so the kernel reaches "
                    "past the border, which reflects as d c b a | a b c d | d c b a.",
        strategy=st.tuples(images(max_side=8), sigmas(0.3, 2.5)),
        weight=3,
        max_examples=120,
        explicit=(
            (grid(1, 3, [0, 3, 0]), 0.5),  # the worked example
            (grid(1, 6, [1, 2, 3, 4, 5, 6]), 0.8),
            (grid(4, 2, [4, 0, 0, -2, 1, 1, 3, 0]), 1.0),
        ),
    ),
    Property(
        name="kernel_wider_than_image",
        description="Kernels whose radius exceeds the image size (1 x 1, 1 x n, n x 1, 2 x n "
                    "images, sigmas up to 6): the reflection repeats as far as the kernel "
                    "reaches.",
        strategy=st.tuples(thin_shapes(5).flatmap(dyadic_arrays), sigmas(1.0, 6.0)),
        weight=3,
        max_examples=100,
        explicit=(
            (grid(1, 1, [7]), 2.0),
            (grid(1, 2, [0, 4]), 3.0),
            (grid(2, 3, [1, 0, 0, 0, 0, 2]), 1.6),
            (grid(3, 1, [0, 8, 2]), 5.0),
        ),
    ),
    Property(
        name="radius_at_whole_numbers",
        description="Sigmas such as 0.625 and 1.125 for which 4 * sigma + 0.5 is a whole "
                    "number: the radius is exactly that number.",
        strategy=st.tuples(images(max_side=7), HALF_RADIUS_SIGMAS),
        weight=2,
        max_examples=80,
        explicit=(
            (_impulse(7, 7), 0.625),
            (_impulse(9, 9), 1.125),
            (grid(1, 8, [0, 0, 0, 8, 0, 0, 0, 0]), 0.375),
            (_impulse(3, 3), 0.625),
        ),
    ),
    Property(
        name="any_sigma",
        description="Random images up to 10 x 10 with any sigma from 0.05 to 4.",
        strategy=st.tuples(images(max_side=10), sigmas(0.05, 4.0)),
        weight=2,
        max_examples=100,
    ),
    Property(
        name="small_sigmas",
        description="Sigmas below 0.375: a radius of 0 (the image is returned unchanged) or "
                    "of 1 with tiny outer weights.",
        strategy=st.tuples(images(max_side=6), sigmas(0.01, 0.37)),
        weight=1,
        max_examples=60,
        explicit=((grid(2, 2, [1, 2, 3, 4]), 0.1), (_impulse(3, 3), 0.3)),
    ),
    Property(
        name="constant_images_and_impulses",
        description="A constant image must stay constant (the weights sum to 1) and a single "
                    "bright pixel must spread along both axes.",
        strategy=_flat_or_impulse(),
        weight=1,
        max_examples=40,
        explicit=((np.full((2, 3), 1.0), 1.0), (_impulse(5, 5), 1.5)),
    ),
    Property(
        name="large_magnitudes",
        description="Arbitrary real pixel values up to 1e6 in magnitude, compared within "
                    "1e-9 * max|image| + 1e-6 * |expected|.",
        strategy=st.tuples(wide_range_images(max_side=8), sigmas(0.3, 3.0)),
        weight=1,
        max_examples=60,
    ),
    Property(
        name="large_image_time",
        description="A 512 x 512 image blurred with sigma 3 within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(_large_case),
        weight=1,
        max_examples=1,
        size="a 512 x 512 image, sigma 3",
        time_limit_s=0.15,
    ),
]
