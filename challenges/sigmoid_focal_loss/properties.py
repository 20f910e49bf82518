"""Hidden checks for sigmoid_focal_loss.

Each strategy yields (logits, targets, alpha, gamma): two float64 arrays of one shape
(1-D to 3-D, at most 12 elements here), targets 0.0 or 1.0, and two floats. Logits are
multiples of 1/8. Every element's loss is >= 0 and computed to ~1e-15 relative by any
stable formula, so the mean needs no filtering.
"""
import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.logits import binary_logits, binary_targets, saturated_logits

ALPHAS = st.one_of(st.sampled_from([0.25, 0.5, 0.75]), st.floats(0.0, 1.0, allow_subnormal=False))
GAMMAS = st.one_of(st.sampled_from([0.5, 1.0, 2.0, 3.0]), st.floats(0.0, 5.0, allow_subnormal=False))
SHAPES = st.one_of(st.tuples(st.integers(1, 12)), st.tuples(st.integers(1, 3), st.integers(1, 4)),
                   st.tuples(st.integers(1, 2), st.integers(1, 2), st.integers(1, 3)))


def _case(logits, targets, alpha=0.25, gamma=2.0):
    return (np.array(logits, dtype=np.float64), np.array(targets, dtype=np.float64),
            float(alpha), float(gamma))


@st.composite
def cases(draw, logits=binary_logits, alphas=ALPHAS, gammas=GAMMAS, positives=None):
    """Logits from `logits(shape)` with random 0/1 targets (`positives` of them if given)."""
    shape = draw(SHAPES)
    size = int(np.prod(shape))
    count = None if positives is None else min(size, draw(positives))
    return (draw(logits(shape)), draw(binary_targets(shape, count)), draw(alphas),
            draw(gammas))


def _mixed(shape):
    """Saturated and moderate logits side by side."""
    @st.composite
    def build(draw):
        far, near = draw(saturated_logits(shape)), draw(binary_logits(shape))
        pick = np.array(draw(st.lists(st.booleans(), min_size=far.size, max_size=far.size)))
        return np.where(pick.reshape(shape), far, near)
    return build()


def large_case(seed: int):
    """500 x 500 logits in [-10, 10] (a few saturated at +-60), 10 % positives."""
    rng = np.random.default_rng(seed)
    logits = np.round(rng.uniform(-10, 10, size=(500, 500)) * 8) / 8
    logits[rng.random((500, 500)) < 0.01] *= 6
    targets = (rng.random((500, 500)) < 0.1).astype(np.float64)
    return logits, targets, 0.25, 2.0


PROPERTIES = [
    Property(
        name="moderate_logits",
        description="Logits between -8 and 8 with random targets, alpha in [0, 1] and gamma "
                    "in [0, 5]: alpha weights the positives, 1 - alpha the negatives.",
        strategy=cases(),
        weight=3,
        max_examples=80,
        explicit=(
            _case([2.0, -1.0, 0.0, 3.0], [1, 0, 1, 0]),
            _case([[0.5, -0.5], [1.5, -2.0]], [[1, 1], [0, 0]], 0.75, 1.0),
            _case([4.0], [1], 0.25, 2.0),
        ),
    ),
    Property(
        name="saturated_logits",
        description="Logits of magnitude 40 to 100, right and wrong, where sigmoid rounds to "
                    "exactly 0 or 1 but the cross-entropy of a wrong one is still about |x|.",
        strategy=st.one_of(cases(saturated_logits), cases(_mixed)),
        weight=3,
        max_examples=60,
        explicit=(
            _case([100.0], [0]),
            _case([-100.0], [1]),
            _case([-40.0, 40.0, 60.0, -60.0], [1, 0, 1, 0], 0.5, 1.0),
            _case([[17.0, -20.0]], [[0, 1]], 0.25, 2.0),
        ),
    ),
    Property(
        name="no_weighting",
        description="alpha = -1 means no alpha weighting at all: positives and negatives "
                    "count alike.",
        strategy=cases(alphas=st.just(-1.0)),
        weight=2,
        max_examples=40,
        explicit=(
            _case([0.0, 0.0], [1, 0], -1.0, 0.0),
            _case([1.0, -2.0, 3.0], [1, 0, 0], -1.0, 2.0),
        ),
    ),
    Property(
        name="alpha_zero_and_one",
        description="alpha = 0 gives the positives no weight and alpha = 1 the negatives "
                    "none; 0 is a weight, not 'no weighting'.",
        strategy=cases(alphas=st.sampled_from([0.0, 1.0])),
        weight=2,
        max_examples=40,
        explicit=(
            _case([0.5, -0.5], [1, 0], 0.0, 2.0),
            _case([0.5, -0.5], [1, 0], 1.0, 2.0),
        ),
    ),
    Property(
        name="gamma_zero",
        description="gamma = 0 turns the focal factor into 1 (even where 1 - p_t rounds to "
                    "0), leaving the alpha-weighted cross-entropy.",
        strategy=cases(logits=_mixed, gammas=st.just(0.0)),
        weight=2,
        max_examples=40,
        explicit=(
            _case([50.0, -50.0, 2.0], [1, 0, 0], 0.25, 0.0),
            _case([0.0], [1], -1.0, 0.0),
        ),
    ),
    Property(
        name="mean_over_every_element",
        description="The mean runs over every element of the array, whatever its shape and "
                    "however many targets are positive (none, one or all).",
        strategy=cases(positives=st.sampled_from([0, 1, 12])),
        weight=2,
        max_examples=40,
        explicit=(
            _case([[1.0, -1.0, 2.0], [0.0, 0.5, -3.0]], [[0, 0, 0], [0, 0, 0]]),
            _case([[[1.0], [2.0]], [[3.0], [-4.0]]], [[[1], [0]], [[0], [0]]], 0.5, 1.5),
        ),
    ),
    Property(
        name="large_input_time",
        description="500 x 500 logits and targets, answered within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(large_case),
        weight=1,
        max_examples=1,  # megabytes each way: one call is enough to time
        size="500 x 500 logits and targets",
        time_limit_s=1.0,
    ),
]
