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
