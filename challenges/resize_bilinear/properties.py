"""Hidden checks for resize_bilinear.

Bilinear interpolation is continuous in the source position, so the floor() in the contract
is no knife-edge: where two formulations round a position to either side of a whole number,
they blend towards the same pixel. Pixel values are dyadic (judge.strategies.arrays), except
in the tolerance property. Each strategy yields (image, out_height, out_width).
"""
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.arrays import dyadic_arrays, grid, images, seeded_array, thin_shapes, wide_range_images


@st.composite
def _scaled(draw, factors, max_side=6):
    """An image and an output size that multiplies each side by a drawn factor."""
    image = draw(images(max_side=max_side))
    height, width = image.shape
    return (image, max(1, round(height * draw(factors))), max(1, round(width * draw(factors))))


@st.composite
def _sized(draw, out_sizes=st.integers(1, 12), max_side=8, non_square=False):
    """An image and any output size; `non_square`: the two axes scale by different ratios."""
    image = draw(images(min_side=2 if non_square else 1, max_side=max_side))
    out_height, out_width = draw(out_sizes), draw(out_sizes)
    if non_square and out_height * image.shape[1] == out_width * image.shape[0]:
        out_width += 1
    return (image, out_height, out_width)


def _thin():
    """1 x 1, 1 x n, n x 1 (and 2 x n) images to any size, or any image to a single pixel,
    row or column."""
    out = st.integers(1, 9)
    thin_image = st.one_of(st.just((1, 1)), thin_shapes(7)).flatmap(dyadic_arrays)
    thin_output = st.one_of(st.tuples(st.just(1), st.just(1)), st.tuples(st.just(1), out),
                            st.tuples(out, st.just(1)))
    return st.one_of(st.tuples(thin_image, out, out),
                     st.tuples(images(max_side=7), thin_output).map(lambda t: (t[0], *t[1])))


def _large_case(seed):
    return (seeded_array(seed, (512, 512), -255.0, 255.0), 1024, 1024)


RAMP = grid(2, 2, [0, 4, 8, 12])

PROPERTIES = [
    Property(
        name="upscale",
        description="Enlarging by whole factors (2, 3, 4, not always the same on both axes): "
                    "the first and last output pixels sit outside the source pixel centres.",
        strategy=_scaled(st.sampled_from([2, 3, 4])),
        weight=3,
        max_examples=100,
        explicit=(
            (RAMP, 4, 4),  # the worked example
            (grid(1, 2, [1, 5]), 1, 6),
            (grid(2, 3, [1, -2, 3, 0.5, 4, -1]), 6, 9),
        ),
    ),
    Property(
        name="downscale",
        description="Shrinking by factors of 2 and 3 and by fractional ratios, with no "
                    "antialiasing: every output pixel blends only its four neighbours.",
        strategy=_scaled(st.sampled_from([0.5, 1 / 3, 0.4, 0.75]), max_side=8),
        weight=3,
        max_examples=100,
        explicit=(
            (grid(4, 4, range(16)), 2, 2),
            (grid(1, 5, [0, 10, 20, 30, 40]), 1, 3),
            (grid(6, 6, range(36)), 2, 3),
        ),
    ),
    Property(
        name="different_ratios_per_axis",
        description="Height and width scaled by different ratios (one axis may grow while "
                    "the other shrinks), so the two axes cannot be mixed up.",
        strategy=_sized(non_square=True),
        weight=2,
        max_examples=100,
        explicit=(
            (grid(2, 3, [1, 2, 3, 4, 5, 6]), 3, 2),
            (grid(3, 2, [0, 1, 2, 3, 4, 5]), 3, 5),
        ),
    ),
    Property(
        name="any_sizes",
        description="Random images up to 8 x 8 resized to any size up to 12 x 12, the same "
                    "size included.",
        strategy=_sized(),
        weight=2,
        max_examples=120,
        explicit=((grid(3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9]), 3, 3),),
    ),
    Property(
        name="single_pixels_and_lines",
        description="1 x 1, 1 x n and n x 1 images, and outputs of a single pixel, row or "
                    "column (the only neighbour may be the pixel itself).",
        strategy=_thin(),
        weight=2,
        max_examples=80,
        explicit=(
            (grid(1, 1, [2.5]), 2, 3),
            (grid(1, 3, [1, 5, 2]), 1, 1),
            (grid(4, 1, [1, 2, 4, 8]), 1, 1),
            (grid(1, 4, [1, 2, 4, 8]), 3, 7),
        ),
    ),
    Property(
        name="large_magnitudes",
        description="Arbitrary real pixel values up to 1e6 in magnitude, compared within "
                    "1e-9 * max|image| + 1e-6 * |expected|.",
        strategy=st.tuples(wide_range_images(), st.integers(1, 12), st.integers(1, 12)),
        weight=1,
        max_examples=60,
    ),
    Property(
        name="large_image_time",
        description="A 512 x 512 image enlarged to 1024 x 1024 within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(_large_case),
        weight=1,
        max_examples=1,
        size="a 512 x 512 image enlarged to 1024 x 1024",
        time_limit_s=0.5,
    ),
]
