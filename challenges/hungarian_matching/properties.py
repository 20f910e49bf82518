"""Hidden checks for `hungarian_matching`.

Any optimal assignment is accepted (compare.py checks validity and the total), so ties
between optima are harmless and drawn on purpose. Knife-edges avoided (judge/strategies/
costs.py): entries are whole numbers, multiples of 1/16 or of 1/100, so a non-optimal
assignment costs at least 1/100 more than the optimum, far outside the tolerance.
Untimed matrices have at most 7 rows and columns.
"""
import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.costs import (
    DECIMAL_COSTS,
    DYADIC_COSTS,
    MAX_COST,
    cost_matrices,
    greedy_traps,
    rectangular_shapes,
    seeded_costs,
    seeded_outer_costs,
    square_shapes,
)


def _m(rows):
    return (np.array(rows, dtype=np.float64),)


def _args(strategy):
    return strategy.map(lambda cost: (cost,))


EXTREMES = st.sampled_from([-MAX_COST, MAX_COST, -MAX_COST + 1, MAX_COST - 1, 0])


def _large(seed):
    """Even seeds: a rank-one matrix (long augmenting paths); odd: uniform in [-1e4, 1e4)."""
    if seed % 2 == 0:
        return (seeded_outer_costs(seed, 120),)
    return (seeded_costs(seed, (120, 120), high=MAX_COST, low=-MAX_COST),)


PROPERTIES = [
    Property(
        name="small_square_matrices",
        description="Square matrices up to 6 x 6 with whole-number costs of either sign.",
        strategy=_args(cost_matrices(shape=square_shapes(1, 6))),
        weight=3,
        max_examples=100,
        explicit=(_m([[4, 1, 3], [2, 0, 5], [3, 2, 2]]), _m([[1, 2], [2, 4]])),
    ),
    Property(
        name="more_columns_than_rows",
        description="Wide matrices: every row gets a column and some columns stay unused.",
        strategy=_args(cost_matrices(shape=rectangular_shapes("cols"))),
        weight=2,
        max_examples=80,
        explicit=(_m([[5, 1, 9, 2]]), _m([[7, 3, 1], [2, 8, 1]])),
    ),
    Property(
        name="more_rows_than_columns",
        description="Tall matrices: every column gets a row, some rows stay unused, and each "
                    "pair is still (row, column).",
        strategy=_args(cost_matrices(shape=rectangular_shapes("rows"))),
        weight=2,
        max_examples=80,
        explicit=(_m([[5], [1], [9], [2]]), _m([[7, 2], [3, 8], [1, 1]])),
    ),
    Property(
        name="greedy_is_not_optimal",
        description="The smallest entry is in no optimal assignment: taking the cheapest "
                    "pair first costs more overall.",
        strategy=_args(greedy_traps(max_side=6)),
        weight=2,
        max_examples=60,
        explicit=(_m([[0, 1], [1, 100]]), _m([[1, 2, 3], [2, 4, 6], [3, 6, 9]])),
    ),
    Property(
        name="many_optimal_assignments",
        description="Costs from two or three values, so many assignments are optimal and any "
                    "of them must be accepted.",
        strategy=_args(cost_matrices(max_rows=7, max_cols=7, min_side=1,
                                     values=st.sampled_from([0, 1, 1, 2]))),
        weight=1,
        max_examples=60,
        explicit=(_m([[0, 0], [0, 0]]), _m([[1, 1, 1], [1, 1, 1]])),
    ),
    Property(
        name="fractional_costs",
        description="Costs with fractional parts (multiples of 1/16 and of 1/100), up to 1e4 "
                    "in magnitude.",
        strategy=_args(cost_matrices(max_rows=6, max_cols=6, min_side=1,
                                     values=st.one_of(DYADIC_COSTS, DECIMAL_COSTS,
                                                      st.integers(-4, 4).map(lambda k: k / 4)))),
        weight=2,
        max_examples=80,
        explicit=(_m([[0.5, 0.25], [0.25, 0.75]]), _m([[1.3, 1.2], [1.1, 1.9]])),
    ),
    Property(
        name="large_magnitudes",
        description="Costs at the extremes, +-1e4, mixed with small ones: the algorithm's "
                    "'infinity' must be larger than any reduced cost.",
        strategy=_args(cost_matrices(max_rows=6, max_cols=6, min_side=1,
                                     values=st.one_of(EXTREMES, st.integers(-3, 3)))),
        weight=2,
        max_examples=80,
        explicit=(_m([[10000, -10000], [-10000, 10000]]),
                  # Reduced costs reach 2e4 here: a search whose "infinity" is 1e4 follows a
                  # stale path and pays 1e4 instead of 0.
                  _m([[10000, 0, 0], [10000, -10000, 1], [10000, 0, 1]]),
                  _m([[10000, 10000, -10000], [10000, -10000, 10000], [-10000, 9999, 10000]])),
    ),
    Property(
        name="empty_and_single",
        description="N = 0 or M = 0 (no pairs at all), a single cell, a single row or column.",
        strategy=_args(cost_matrices(max_rows=1, max_cols=7, min_side=0)
                       | cost_matrices(max_rows=7, max_cols=1, min_side=0)),
        weight=1,
        max_examples=40,
        explicit=((np.zeros((0, 0)),), (np.zeros((0, 3)),), (np.zeros((3, 0)),), _m([[5]]),
                  _m([[3, -1, 2]]), _m([[3], [-1], [2]])),
    ),
    Property(
        name="matrix_120_time",
        description="120 x 120 matrices of costs up to 1e4 in magnitude, one of them with every "
                    "row preferring the same columns, within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(_large),
        weight=1,
        max_examples=1,
        explicit=(_large(0),),
        size="a 120 x 120 cost matrix",
        time_limit_s=0.6,
    ),
]
