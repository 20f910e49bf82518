"""Hidden checks for conv2d.

Most values are multiples of 1/4, so every partial sum is exact and a shrunk counterexample is
easy to read; one property uses arbitrary floats. Each strategy yields
(image, kernel, stride, padding) with float64 arrays and plain Python ints.
"""
import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.arrays import FLOATS, QUARTERS, grid, matrices


@st.composite
def cases(draw, max_side=8, strides=st.just(1), paddings=st.just(0), values=QUARTERS,
          min_kernel_over_image=False, non_square_kernel=False):
    """A random image and a kernel that fits in the padded image.

    min_kernel_over_image: the kernel is taller and wider than the unpadded image.
    non_square_kernel: the kernel's height and width differ.
    """
    stride = draw(strides)
    padding = draw(paddings)
    height = draw(st.integers(1, max_side))
    width = draw(st.integers(1, max_side))
    k_low = (height + 1, width + 1) if min_kernel_over_image else (1, 1)
    k_height = draw(st.integers(min(k_low[0], height + 2 * padding), height + 2 * padding))
    k_width = draw(st.integers(min(k_low[1], width + 2 * padding), width + 2 * padding))
    if non_square_kernel and k_height == k_width:
        k_height, k_width = _make_non_square(k_height, height + 2 * padding, width + 2 * padding)
    image = draw(matrices(height, width, values))
    kernel = draw(matrices(k_height, k_width, values))
    return (image, kernel, stride, padding)


def _make_non_square(side, max_height, max_width):
    """Turn a square kernel size into a non-square one that still fits."""
    if side < max_height:
        return side + 1, side
    if side < max_width:
        return side, side + 1
    return (side, side - 1) if side > 1 else (side, side)


def _arange(rows, cols, start=1.0):
    return grid(rows, cols, np.arange(start, start + rows * cols))


@st.composite
def large_case(draw):
    """A 400x400 image, 3x3 kernel, padding 1: 160,000 windows."""
    seed = draw(st.integers(0, 2 ** 16))
    rng = np.random.default_rng(seed)
    image = np.round(rng.uniform(-4, 4, size=(400, 400)) * 4) / 4
    kernel = np.round(rng.uniform(-2, 2, size=(3, 3)) * 4) / 4
    return (image, kernel, 1, 1)


PROPERTIES = [
    Property(
        name="stride_one_no_padding",
        description="Plain sliding window (stride 1, no padding) on small images with kernels "
                    "of any shape up to the image size.",
        strategy=cases(),
        weight=2,
        max_examples=150,
        explicit=(
            (grid(1, 1, [2.5]), grid(1, 1, [-1.5]), 1, 0),
            (_arange(3, 3), grid(2, 2, [1, 0, 0, 0]), 1, 0),
            (_arange(3, 4), _arange(2, 3), 1, 0),
            (_arange(2, 5), _arange(2, 5, start=-3.0), 1, 0),
        ),
    ),
    Property(
        name="non_square_kernels",
        description="Kernels whose height and width differ, on non-square images, with and "
                    "without stride and padding.",
        strategy=cases(strides=st.integers(1, 3), paddings=st.integers(0, 2),
                       non_square_kernel=True),
        weight=2,
        max_examples=150,
        explicit=(
            (_arange(4, 6), grid(1, 3, [1, 2, 3]), 1, 0),
            (_arange(5, 3), grid(3, 1, [1, 0, -1]), 1, 0),
            (_arange(4, 7), _arange(2, 3), 2, 1),
        ),
    ),
    Property(
        name="strides",
        description="Strides from 2 to 4, including strides that do not divide the sliding "
                    "range evenly and strides longer than the image.",
        strategy=cases(max_side=12, strides=st.integers(2, 4)),
        weight=2,
        max_examples=150,
        explicit=(
            (_arange(7, 8), grid(2, 2, [1, -1, 2, 0.5]), 3, 0),
            (_arange(5, 5), grid(1, 1, [1]), 2, 0),
            (_arange(3, 4), grid(1, 1, [2]), 5, 0),
            (_arange(6, 9), _arange(3, 2), 4, 0),
        ),
    ),
    Property(
        name="zero_padding",
        description="Zero padding of 1 to 3 pixels on every side with stride 1.",
        strategy=cases(paddings=st.integers(1, 3)),
        weight=2,
        max_examples=150,
        explicit=(
            (_arange(2, 2), grid(1, 1, [1]), 1, 1),
            (_arange(3, 3), _arange(3, 3), 1, 1),
            (_arange(2, 4), grid(1, 2, [1, -1]), 1, 2),
        ),
    ),
    Property(
        name="stride_and_padding",
        description="Stride and padding together, with kernels of any shape that fit the "
                    "padded image.",
        strategy=cases(max_side=10, strides=st.integers(1, 4), paddings=st.integers(0, 3)),
        weight=2,
        max_examples=150,
        explicit=(
            (_arange(5, 6), _arange(3, 3), 2, 1),
            (_arange(4, 4), _arange(2, 3), 3, 2),
        ),
    ),
    Property(
        name="kernel_larger_than_image",
        description="Kernels taller and wider than the image itself, up to the full padded "
                    "size (a single output value in the extreme case).",
        strategy=cases(max_side=5, strides=st.integers(1, 3), paddings=st.integers(1, 3),
                       min_kernel_over_image=True),
        weight=1,
        max_examples=100,
        explicit=(
            (grid(1, 1, [2.0]), _arange(3, 3), 1, 1),
            (_arange(2, 3), _arange(4, 5), 1, 1),
            (_arange(2, 3), _arange(6, 5), 2, 2),
        ),
    ),
    Property(
        name="fractional_values",
        description="Arbitrary real values in [-10, 10] rather than round numbers.",
        strategy=cases(strides=st.integers(1, 3), paddings=st.integers(0, 2), values=FLOATS),
        weight=1,
        max_examples=100,
        explicit=(
            (grid(2, 2, [0.3, 0.7, -0.2, 1.9]), grid(1, 1, [0.5]), 1, 0),
        ),
    ),
    Property(
        name="large_image_time",
        description="A 400x400 image with a 3x3 kernel and padding 1 must finish within the "
                    "time limit.",
        strategy=large_case(),
        weight=1,
        max_examples=2,
        size="a 400 x 400 image, 3 x 3 kernel, padding 1",
        time_limit_s=2.4,
    ),
]
