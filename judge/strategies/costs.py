"""Cost matrices for assignment problems.

Knife-edges avoided: an assignment that is not optimal but costs within the tolerance of
the optimum (it would be accepted or rejected by rounding). Every entry is a whole number,
a multiple of 1/16 or a multiple of 1/100, with |c| <= 1e4: two assignments then either have
the same cost up to float rounding (~1e-11, both accepted) or differ by at least 1/100, far
outside a tolerance of 1e-9 * (1 + sum |c|) <= 1.3e-3 for matrices up to 120 x 120. Ties
between several optimal assignments stay frequent (any optimum must be accepted).
"""
import numpy as np
from hypothesis import strategies as st

MAX_COST = 10_000
DYADIC_COSTS = st.integers(-16 * MAX_COST, 16 * MAX_COST).map(lambda k: k / 16)
DECIMAL_COSTS = st.integers(-100 * MAX_COST, 100 * MAX_COST).map(lambda k: k / 100)


def square_shapes(min_side: int = 1, max_side: int = 6):
    side = st.integers(min_side, max_side)
    return side.map(lambda n: (n, n))


def rectangular_shapes(more: str, max_side: int = 7):
    """(rows, cols) with more rows than columns (`more="rows"`) or more columns."""

    @st.composite
    def build(draw):
        small = draw(st.integers(1, max_side - 1))
        large = draw(st.integers(small + 1, max_side))
        return (large, small) if more == "rows" else (small, large)

    return build()


@st.composite
def cost_matrices(draw, max_rows: int = 6, max_cols: int = 6, low: int = -20, high: int = 20,
                  min_side: int = 0, values=None, shape=None):
    """A float64 (N, M) matrix; N or M may be 0 (then no pairs).

    values: a strategy of entries (default whole numbers in [low, high]); shape: a strategy
    of (N, M) (default each side in [min_side, max_rows / max_cols]).
    """
    if shape is None:
        rows, cols = draw(st.integers(min_side, max_rows)), draw(st.integers(min_side, max_cols))
    else:
        rows, cols = draw(shape)
    values = st.integers(low, high) if values is None else values
    cells = draw(st.lists(values, min_size=rows * cols, max_size=rows * cols))
    return np.array(cells, dtype=np.float64).reshape(rows, cols)


@st.composite
def greedy_traps(draw, max_side: int = 6):
    """A matrix whose smallest entry is in no optimal assignment.

    Rows a and b and columns c and d: (a, c) = 0 is the smallest entry, (a, d) = (b, c) = 1,
    and every other entry of row b is 100, so taking (a, c) first leaves row b a cost of 100,
    while the optimum pairs a with d and b with c. Built with rows <= columns, so row b is
    always assigned, and other entries in [10, 20], so the other rows cannot make up the 98
    (for up to 10 rows); then rows and columns are shuffled and half the time transposed.
    """
    rows = draw(st.integers(2, min(max_side, 10)))
    cols = draw(st.integers(rows, max_side))
    cost = draw(cost_matrices(shape=st.just((rows, cols)), values=st.integers(10, 20)))
    cost[1, :] = 100
    cost[0, 0], cost[0, 1], cost[1, 0] = 0, 1, 1
    cost = cost[draw(st.permutations(range(rows)))][:, draw(st.permutations(range(cols)))]
    return cost.T.copy() if draw(st.booleans()) else cost


def seeded_costs(seed: int, shape=(120, 120), high: int = MAX_COST, low: int = 0) -> np.ndarray:
    """A large integer-valued cost matrix in [low, high) from a seed, for timed properties."""
    return np.random.default_rng(seed).integers(low, high, size=shape).astype(np.float64)


def seeded_outer_costs(seed: int, side: int = 120, high: int = 100) -> np.ndarray:
    """A rank-one matrix a_i * b_j with whole a_i, b_j in [1, high], from a seed.

    Every row prefers the same columns, so each new row's shortest augmenting path is long:
    this is the input that separates O(n^3) methods from O(n^4) ones (on uniform random
    matrices both finish after a few steps per row).
    """
    rng = np.random.default_rng(seed)
    return np.outer(rng.integers(1, high + 1, side), rng.integers(1, high + 1, side)).astype(
        np.float64)
