"""Hypothesis strategies for small numeric arrays with exactly representable values.

Values are dyadic (multiples of 1/4 by default), so every partial sum of a product of two such
arrays is exact in float64 and every correct formulation (loops, im2col, FFT-free numpy) gives
bit-identical answers; a shrunk counterexample is also short to read. `FLOATS` offers arbitrary
floats in a bounded range (no subnormals) for properties that test tolerance, not exactness.

Knife-edges avoided: sums that round differently in different orders (dyadic values with a
small denominator keep every partial sum exact while |sum| < 2**40).
"""
import numpy as np
from hypothesis import strategies as st

QUARTERS = st.integers(-40, 40).map(lambda k: k / 4)
FLOATS = st.floats(-10, 10, allow_nan=False, allow_infinity=False, allow_subnormal=False)


def grid(rows, cols, values):
    """A float64 array of the given shape from a flat list of values."""
    return np.array(values, dtype=np.float64).reshape(rows, cols)


@st.composite
def matrices(draw, rows, cols, values=QUARTERS):
    """A rows x cols float64 array with elements drawn from `values`."""
    return grid(rows, cols, draw(st.lists(values, min_size=rows * cols, max_size=rows * cols)))


def shapes(min_side: int = 1, max_side: int = 8, square: bool | None = None):
    """(rows, cols) with each side in [min_side, max_side]; `square` forces or forbids it.

    1 x 1 and 1 x n shapes are drawn as readily as any (they shrink towards them).
    """

    @st.composite
    def build(draw):
        rows = draw(st.integers(min_side, max_side))
        if square:
            return rows, rows
        cols = draw(st.integers(min_side, max_side))
        if square is False and cols == rows:
            cols = rows + 1 if rows < max_side else rows - 1
            if cols < min_side:
                return rows, rows
        return rows, cols

    return build()


@st.composite
def dyadic_arrays(draw, shape, numerators=(-40, 40), denominator: int = 4):
    """A float64 array of `shape` with values k / denominator (denominator a power of two).

    Sums and products of a few such values are exact, so loops, vectorised code and
    different summation orders agree bit for bit.
    """
    size = int(np.prod(shape)) if len(shape) else 1
    low, high = numerators
    values = draw(st.lists(st.integers(low, high), min_size=size, max_size=size))
    return np.array(values, dtype=np.float64).reshape(shape) / denominator


@st.composite
def int_images(draw, shape, low: int = 0, high: int = 255):
    """An int64 array of `shape` with values in [low, high] (e.g. 8-bit grey levels)."""
    size = int(np.prod(shape))
    values = draw(st.lists(st.integers(low, high), min_size=size, max_size=size))
    return np.array(values, dtype=np.int64).reshape(shape)


def seeded_array(seed: int, shape, low: float = -1.0, high: float = 1.0,
                 denominator: int | None = 4) -> np.ndarray:
    """A large array from a seed (for timed properties: drawing it element by element would
    cost more than grading); dyadic values when `denominator` is given."""
    rng = np.random.default_rng(seed)
    values = rng.uniform(low, high, size=shape)
    if denominator:
        values = np.round(values * denominator) / denominator
    return values


# ----- images ------------------------------------------------------------------------------

@st.composite
def images(draw, min_side: int = 1, max_side: int = 8, numerators=(-40, 40),
           denominator: int = 4):
    """A float64 (H, W) image of dyadic values; 1 x 1, 1 x n and n x 1 come up often.

    Filters, resizing and pooling of such images are continuous in the pixel values, so the
    only knife-edges are the summation-order ones dyadic values already remove.
    """
    shape = draw(shapes(min_side, max_side))
    return draw(dyadic_arrays(shape, numerators, denominator))


def thin_shapes(max_length: int = 9):
    """(1, n), (n, 1), (1, 1) and (2, n) shapes: a 3-tap or wider kernel reaches past them."""
    length = st.integers(1, max_length)
    return st.one_of(length.map(lambda n: (1, n)), length.map(lambda n: (n, 1)),
                     length.map(lambda n: (2, n)), length.map(lambda n: (n, 2)))


@st.composite
def wide_range_images(draw, min_side: int = 1, max_side: int = 8, magnitude: float = 1e6):
    """Arbitrary floats up to `magnitude` with mixed scales (most pixels small, a few huge),
    for tolerance tests: float32 or careless rescaling loses what 1e-9 * max|image| keeps.

    Knife-edges: none for continuous outputs (blur, resize, gradients); not for exact ones.
    """
    shape = draw(shapes(min_side, max_side))
    size = shape[0] * shape[1]
    scale = draw(st.sampled_from([1.0, 1e3, magnitude]))
    values = draw(st.lists(st.floats(-1.0, 1.0, allow_nan=False, allow_subnormal=False),
                           min_size=size, max_size=size))
    image = np.array(values, dtype=np.float64).reshape(shape) * scale
    if draw(st.booleans()):  # one pixel at full magnitude sets max|image|
        image.flat[draw(st.integers(0, size - 1))] = draw(st.sampled_from([-1.0, 1.0])) * magnitude
    return image
