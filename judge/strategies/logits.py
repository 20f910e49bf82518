"""Logits and scores of any magnitude, for losses and softmax.

Extreme inputs are the point: rows whose largest logit is 1e3 to 1e4 overflow exp() in a
naive softmax, rows of equal logits test uniform outputs, and a gap of hundreds between the
top two logits underflows the others to exactly 0 in a stable implementation.
Knife-edges avoided: none needed for exact comparison, since the tolerance is relative and
the stable formulas agree to ~1e-12; values are dyadic (k / 8) so shrunk cases read well.
"""
import numpy as np
from hypothesis import strategies as st

MAGNITUDES = (1.0, 10.0, 100.0, 1e3, 1e4)


@st.composite
def logit_matrices(draw, max_rows: int = 6, max_cols: int = 6, magnitude=None):
    """A float64 (N, K) array, N, K >= 1, each row scaled by a magnitude up to 1e4."""
    rows = draw(st.integers(1, max_rows))
    cols = draw(st.integers(1, max_cols))
    scale = draw(st.sampled_from(MAGNITUDES)) if magnitude is None else magnitude
    values = draw(st.lists(st.integers(-8, 8), min_size=rows * cols, max_size=rows * cols))
    return np.array(values, dtype=np.float64).reshape(rows, cols) / 8 * scale


def targets_for(logits: np.ndarray):
    """int64 class indices, one per row of `logits`."""
    rows, cols = logits.shape
    return st.lists(st.integers(0, cols - 1), min_size=rows, max_size=rows).map(
        lambda t: np.array(t, dtype=np.int64))
