"""Hidden checks for sobel_magnitude.

The magnitude is continuous in the pixel values, so there are no knife-edges; dyadic pixel
values make gx and gy exact, and only the final square root rounds. Each strategy yields
(image,) with a float64 (H, W) array.
"""
import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.arrays import dyadic_arrays, grid, images, seeded_array, thin_shapes, wide_range_images


@st.composite
def _ramps(draw):
    """a * row + b * column + c: the gradient is the same everywhere inside, and the reflected
    border halves the slope across it."""
    rows, cols = draw(st.integers(2, 8)), draw(st.integers(2, 8))
    a, b, c = (draw(st.integers(-6, 6)) / 2 for _ in range(3))
    i, j = np.mgrid[0:rows, 0:cols]
    return (a * i + b * j + c,)


@st.composite
def _border_edges(draw):
    """A random image that is constant except in its outermost rows and columns."""
    image = draw(images(min_side=3, max_side=8))
    image[1:-1, 1:-1] = float(draw(st.integers(-4, 4)))
    return (image,)


@st.composite
def _constant(draw):
    shape = (draw(st.integers(1, 6)), draw(st.integers(1, 6)))
    return (np.full(shape, draw(st.integers(-40, 40)) / 4),)


def _large_case(seed):
    return (seeded_array(seed, (1024, 1024), -255.0, 255.0),)


PROPERTIES = [
    Property(
        name="random_images",
        description="Random images from 3 x 3 to 10 x 10.",
        strategy=images(min_side=3, max_side=10).map(lambda image: (image,)),
        weight=3,
        max_examples=120,
        explicit=(
            (grid(3, 3, range(1, 10)),),  # the worked example
            (grid(3, 4, [0, 0, 1, 1] * 3),),
            (grid(4, 5, [2, -1, 0, 3, 1, 0, 4, -2, 1, 1, 5, 0, 0, -3, 2, 1, 1, 2, -1, 0]),),
        ),
    ),
    Property(
        name="linear_ramps",
        description="Images that rise linearly along both axes: the same gradient everywhere "
                    "inside, half of it across the reflected border.",
        strategy=_ramps(),
        weight=2,
        max_examples=60,
        explicit=((grid(1, 4, [0, 4, 8, 12]),),
                  (np.add.outer(np.arange(4.0), 2 * np.arange(5.0)),)),
    ),
    Property(
        name="edges_on_the_border",
        description="Images whose only variation lies in the outermost rows and columns, where "
                    "the kernel reads past the image.",
        strategy=_border_edges(),
        weight=2,
        max_examples=60,
        explicit=((grid(3, 3, [5, 0, -3, 0, 0, 0, 2, 0, 7]),),),
    ),
    Property(
        name="thin_images",
        description="1 x 1, 1 x n, n x 1 and 2 x n images: the 3 x 3 kernel reaches past both "
                    "sides at once.",
        strategy=st.one_of(st.just((1, 1)), thin_shapes(9)).flatmap(dyadic_arrays).map(
            lambda image: (image,)),
        weight=2,
        max_examples=80,
        explicit=((grid(1, 1, [5]),), (grid(1, 3, [1, 5, 2]),), (grid(2, 2, [0, 1, 2, 3]),),
                  (grid(3, 1, [4, 0, 4]),)),
    ),
    Property(
        name="constant_images",
        description="A constant image has no gradient anywhere, not even at its borders.",
        strategy=_constant(),
        weight=1,
        max_examples=20,
        explicit=((np.full((3, 4), 2.5),),),
    ),
    Property(
        name="large_magnitudes",
        description="Arbitrary real pixel values up to 1e6 in magnitude, compared within "
                    "1e-9 * max|image| + 1e-6 * |expected|.",
        strategy=wide_range_images(max_side=9).map(lambda image: (image,)),
        weight=1,
        max_examples=60,
    ),
    Property(
        name="large_image_time",
        description="A 1024 x 1024 image within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(_large_case),
        weight=1,
        max_examples=1,
        size="a 1024 x 1024 image",
        time_limit_s=0.75,
    ),
]
