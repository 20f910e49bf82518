"""Hidden checks for attention.

Each strategy yields (q, k, v, mask): float64 arrays of shapes (..., Lq, d), (..., Lk, d)
and (..., Lk, dv) with 0 to 2 leading dimensions, and None or a bool (Lq, Lk) mask with a
True in every row. Values are dyadic; where scores are large, q and k are integers and d
is 1, 4 or 16, so every score is exact. Elsewhere a score is rounded once, which moves an
output by ~1e-12, far inside the tolerance: nothing needs filtering.
"""
import math

import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.arrays import dyadic_arrays, seeded_array
from judge.strategies.tensors import attention_shapes, row_masks

SCORE_LIMIT = 2e4


def _case(q, k, v, mask=None):
    arrays = tuple(np.array(a, dtype=np.float64) for a in (q, k, v))
    return arrays + (None if mask is None else np.array(mask, dtype=bool),)


def _ints(shape, limit):
    """Integer-valued float64 arrays in [-limit, limit]."""
    return dyadic_arrays(shape, (-limit, limit), 1)


@st.composite
def cases(draw, shapes=attention_shapes(), masks="none", large=False):
    """masks: "none", "random" (any number of Trues per row), "one" (exactly one per row)
    or "over_the_top" (only each row's smallest scores allowed). large: integer q and k
    with scores up to 2e4 (d is then drawn from 1, 4, 16)."""
    if large:
        shapes = attention_shapes(dims=st.sampled_from([1, 4, 16]))
    lead, lq, lk, d, dv = draw(shapes)
    if large:
        limit = int(math.sqrt(SCORE_LIMIT / math.sqrt(d)))  # |score| <= sqrt(d) limit^2
        q, k = draw(_ints(lead + (lq, d), limit)), draw(_ints(lead + (lk, d), limit))
    else:
        q = draw(dyadic_arrays(lead + (lq, d), (-8, 8)))
        k = draw(dyadic_arrays(lead + (lk, d), (-8, 8)))
    v = draw(dyadic_arrays(lead + (lk, dv)))
    if masks == "none":
        mask = None
    elif masks == "over_the_top":
        mask = _lowest_allowed(draw, q, k)
    else:
        mask = draw(row_masks(lq, lk, 1 if masks == "one" else None))
    return q, k, v, mask


def _lowest_allowed(draw, q, k):
    """Allow only the 1 or 2 smallest scores of each row (in the first leading index), so
    the masked-out scores are the largest ones."""
    scores = (q @ np.swapaxes(k, -1, -2)).reshape((-1,) + q.shape[-2:-1] + k.shape[-2:-1])[0]
    mask = np.zeros(scores.shape, dtype=bool)
    for r, row in enumerate(scores):
        keep = draw(st.integers(1, min(2, len(row))))
        mask[r, np.argsort(row, kind="stable")[:keep]] = True
    return mask


def large_case(seed: int):
    """q, k, v of shape (4, 128, 32) with a causal mask."""
    q, k, v = (seeded_array(seed + i, (4, 128, 32)) for i in range(3))
    return q, k, v, np.tril(np.ones((128, 128), dtype=bool))


CAUSAL = np.tril(np.ones((3, 3), dtype=bool))

PROPERTIES = [
    Property(
        name="no_mask",
        description="No mask, 0 to 2 leading dimensions: a softmax over the keys of "
                    "q k^T / sqrt(d), then the weighted sum of the rows of v.",
        strategy=cases(),
        weight=3,
        max_examples=60,
        explicit=(
            _case([[1.0, 0.0]], [[1.0, 0.0], [0.0, 1.0]], [[1.0, 2.0], [3.0, 4.0]]),
            _case([[2.0, 2.0, 2.0, 2.0]], [[1.0, 1.0, 1.0, 1.0], [0, 0, 0, 0]], [[1.0], [0.0]]),
            _case([[[1.0], [-1.0], [0.5]]], [[[2.0], [0.0]]], [[[1.0, -1.0, 2.0], [3.0, 0.0, 1.0]]]),
        ),
    ),
    Property(
        name="leading_dimensions",
        description="Inputs with no leading dimension (plain matrices) and with two of them "
                    "(batch and heads): attention works on the last two axes only.",
        strategy=cases(attention_shapes(max_lead=2).filter(lambda s: len(s[0]) != 1)),
        weight=2,
        max_examples=40,
        explicit=(
            _case([[0.5, -1.0], [1.0, 1.0]], [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]],
                  [[1.0], [2.0], [4.0]]),
            _case(np.arange(12.0).reshape(2, 3, 1, 2) / 8, np.arange(24.0).reshape(2, 3, 2, 2) / 8,
                  np.arange(12.0).reshape(2, 3, 2, 1) - 5),
        ),
    ),
    Property(
        name="masked_keys",
        description="Random masks with at least one True per row: a False key is left out "
                    "of the softmax (True means the query may attend to it).",
        strategy=cases(masks="random"),
        weight=3,
        max_examples=60,
        explicit=(
            _case([[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]], [[1.0, 2.0], [3.0, 4.0]],
                  [[True, False], [True, True]]),
            _case(np.ones((3, 1)), np.array([[1.0], [2.0], [3.0]]), np.array([[1.0], [2.0], [4.0]]),
                  CAUSAL),
        ),
    ),
    Property(
        name="large_scores",
        description="Scores up to 20,000 in magnitude: exp() of them overflows unless each "
                    "row's maximum is subtracted first.",
        strategy=cases(large=True),
        weight=3,
        max_examples=60,
        explicit=(
            _case([[100.0]], [[100.0], [99.0]], [[1.0], [2.0]]),
            _case([[-141.0]], [[141.0], [140.0], [-141.0]], [[1.0], [2.0], [3.0]]),
            _case([[100.0]], [[100.0], [100.0]], [[1.0], [3.0]]),
        ),
    ),
    Property(
        name="masked_scores_are_the_largest",
        description="Only each row's smallest scores are allowed, the masked ones are up to "
                    "40,000 larger: a finite penalty such as -1e4 or masking after the "
                    "softmax fails there.",
        strategy=st.one_of(cases(masks="over_the_top", large=True), cases(masks="over_the_top")),
        weight=2,
        max_examples=40,
        explicit=(
            _case([[100.0]], [[100.0], [-100.0]], [[1.0], [2.0]], [[False, True]]),
            _case([[100.0, 0, 0, 0]], [[100.0, 0, 0, 0], [-50.0, 0, 0, 0], [-60.0, 0, 0, 0]],
                  [[5.0], [1.0], [-1.0]], [[False, True, True]]),
        ),
    ),
    Property(
        name="one_allowed_key_per_row",
        description="Rows that may attend to a single key (as the first row of a causal "
                    "mask): the output row is exactly that key's value row.",
        strategy=st.one_of(cases(masks="one"), cases(masks="one", large=True)),
        weight=2,
        max_examples=40,
        explicit=(
            _case([[3.0], [1.0]], [[1.0], [2.0], [3.0]], [[1.0, 1.0], [2.0, 0.0], [0.0, 5.0]],
                  [[False, False, True], [True, False, False]]),
            _case(np.zeros((2, 3, 2)), np.ones((2, 3, 2)), np.arange(12.0).reshape(2, 3, 2) - 6,
                  CAUSAL),
        ),
    ),
    Property(
        name="large_input_time",
        description="q, k and v of shape (4, 128, 32) with a causal mask, answered within "
                    "the time limit.",
        strategy=st.integers(0, 2 ** 16).map(large_case),
        weight=1,
        max_examples=2,
        size="q, k and v of shape (4, 128, 32) with a causal mask",
        time_limit_s=1.5,
    ),
]
