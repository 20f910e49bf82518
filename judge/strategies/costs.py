"""Cost matrices for assignment problems.

Knife-edges avoided: an assignment that is not optimal but costs within the tolerance of
the optimum (it would be accepted or rejected by rounding). With integer costs every
non-optimal assignment costs at least 1 more, far outside any float tolerance, while ties
between several optimal assignments stay frequent (any optimum must be accepted).
"""
import numpy as np
from hypothesis import strategies as st


@st.composite
def cost_matrices(draw, max_rows: int = 6, max_cols: int = 6, low: int = -20, high: int = 20,
                  min_side: int = 0):
    """A float64 (N, M) matrix of whole numbers; N or M may be 0 (then no pairs)."""
    rows = draw(st.integers(min_side, max_rows))
    cols = draw(st.integers(min_side, max_cols))
    values = draw(st.lists(st.integers(low, high), min_size=rows * cols, max_size=rows * cols))
    return np.array(values, dtype=np.float64).reshape(rows, cols)


def seeded_costs(seed: int, shape=(120, 120), high: int = 10_000) -> np.ndarray:
    """A large integer-valued cost matrix from a seed, for timed properties."""
    return np.random.default_rng(seed).integers(0, high, size=shape).astype(np.float64)
