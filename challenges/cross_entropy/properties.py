"""Hidden checks for cross_entropy.

Each strategy yields (logits, targets, label_smoothing): a float64 (N, K) array, an int64
(N,) array and a float. Logits are dyadic multiples of a power of ten (or of 125), so a
shrunk case reads well; the answer is compared with a relative tolerance that every stable
formulation meets by a wide margin, so no input needs to be filtered out.
"""
import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.logits import (
    SMOOTHING,
    logit_matrices,
    rows_on_scales,
    seeded_logits,
    targets_far_below,
    targets_for,
)


def _case(logits, targets, smoothing=0.0):
    return (np.array(logits, dtype=np.float64), np.array(targets, dtype=np.int64),
            float(smoothing))


@st.composite
def cases(draw, logits, smoothing=st.just(0.0)):
    """Random targets for a logit matrix drawn from `logits`."""
    matrix = draw(logits)
    return matrix, draw(targets_for(matrix)), draw(smoothing)


@st.composite
def far_below(draw):
    logits, targets = draw(targets_far_below())
    return logits, targets, draw(st.one_of(st.just(0.0), SMOOTHING))


def large_case(seed: int):
    """2,000 rows of 300 classes, the first 20 rows at magnitude 1e4, smoothing 0.1."""
    logits = seeded_logits(seed, (2000, 300), huge_rows=20)
    targets = np.random.default_rng(seed + 1).integers(0, 300, size=2000)
    return logits, targets.astype(np.int64), 0.1


ANY_SMOOTHING = st.one_of(st.just(0.0), SMOOTHING)

PROPERTIES = [
    Property(
        name="moderate_logits",
        description="Logits between -10 and 10 with random targets and no smoothing: the "
                    "mean over the rows of -log softmax at the target.",
        strategy=cases(logit_matrices(max_rows=8, magnitudes=(1.0, 10.0))),
        weight=2,
        max_examples=80,
        explicit=(
            _case([[1, 2, 3], [0, 0, 0]], [2, 1]),
            _case([[2.5, -1.0], [-1.0, 2.5], [0.5, 0.5]], [0, 0, 1]),
            _case([[0, 0, 0, 0]], [3]),
        ),
    ),
    Property(
        name="label_smoothing",
        hint="With smoothing e, every class gets e / K and the target gets 1 - e on top.",
        rank=2,
        description="Label smoothing e between 0 and 1 (1 means uniform targets) with 2 to "
                    "8 classes: every class gets e / K and the target 1 - e on top.",
        strategy=cases(logit_matrices(max_cols=8, min_cols=2, magnitudes=(1.0, 10.0, 100.0)),
                       SMOOTHING),
        weight=3,
        max_examples=100,
        explicit=(
            _case([[1, 2, 3], [0, 0, 0]], [2, 1], 0.3),
            _case([[4, 0]], [0], 0.1),
            _case([[1, 2, 3, 4]], [0], 1.0),
            _case([[2, -2], [0, 3]], [1, 0], 0.5),
        ),
    ),
    Property(
        name="single_class_or_single_row",
        description="One class (the loss is 0 whatever the smoothing, since softmax is 1) "
                    "and batches of a single row.",
        strategy=st.one_of(cases(logit_matrices(max_cols=1), ANY_SMOOTHING),
                           cases(logit_matrices(max_rows=1), ANY_SMOOTHING)),
        weight=1,
        max_examples=40,
        explicit=(
            _case([[3.5]], [0], 0.7),
            _case([[-1e4], [1e4]], [0, 0], 0.2),
            _case([[0.5, -0.5, 2]], [1], 0.0),
        ),
    ),
    Property(
        name="huge_logits",
        hint="Subtract each row's maximum before exp() (log-sum-exp), so nothing overflows or "
             "underflows.",
        rank=2,
        description="Logits of magnitude 1,000 to 10,000 (all positive, all negative or "
                    "mixed), where exp() of a logit overflows or every exp() underflows.",
        strategy=cases(logit_matrices(magnitudes=(1e3, 1e4)), ANY_SMOOTHING),
        weight=3,
        max_examples=80,
        explicit=(
            _case([[1e4, 1e4]], [0]),
            _case([[-1e4, -1e4, -1e4 + 1]], [2]),
            _case([[1e4, 0, -1e4]], [0], 0.25),
            _case([[1000, 999], [-1000, -999]], [1, 0]),
        ),
    ),
    Property(
        name="target_far_below_the_max",
        hint="Work with log-probabilities (logit - log-sum-exp), never log(softmax): the "
             "probability can underflow to 0 while its log stays finite.",
        rank=2,
        description="The target's logit lies 875 or more below its row's largest, so its "
                    "probability underflows to 0 although its log-probability is finite.",
        strategy=far_below(),
        weight=2,
        max_examples=60,
        explicit=(
            _case([[0, 1000]], [0]),
            _case([[-5000, 5000, 0]], [0], 0.5),
        ),
    ),
    Property(
        name="rows_on_different_scales",
        hint="Each row needs its own maximum in the log-sum-exp, not one maximum over the batch.",
        rank=2,
        description="Rows of one batch around very different values (e.g. near 10,000 and "
                    "near -10,000): every row needs its own maximum.",
        strategy=cases(rows_on_scales(), ANY_SMOOTHING),
        weight=2,
        max_examples=60,
        explicit=(
            _case([[1e4, 9999], [-1e4, -9999]], [0, 1]),
            _case([[5000, 0], [0, 1]], [1, 1], 0.1),
        ),
    ),
    Property(
        name="large_batch_time",
        description="2,000 rows of 300 classes, answered within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(large_case),
        weight=1,
        max_examples=1,  # megabytes each way: one call is enough to time
        size="2,000 rows of 300 classes",
        time_limit_s=1.0,
    ),
]
