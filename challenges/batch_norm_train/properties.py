"""Hidden checks for batch_norm_train.

Each strategy yields (x, gamma, beta, running_mean, running_var, momentum, eps) with x a
float64 (N, C, H, W) array, the four per-channel arrays float64 (C,) and two floats. Values
are dyadic (k / 4), so channel sums are exact and every two-pass formulation agrees to the
last bits, even in `large_offset_channels` (values near +-1000 with 22 significant bits).
"""
import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.arrays import dyadic_arrays, seeded_array
from judge.strategies.tensors import counted_shapes, nchw_shapes, offset_channels

MOMENTA = st.one_of(st.sampled_from([0.1, 0.25, 0.5, 0.9]),
                    st.floats(0.0, 1.0, allow_subnormal=False))
EPSILONS = st.sampled_from([1e-5, 1e-5, 1e-3, 0.1, 1.0])


def _case(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    arrays = (np.array(v, dtype=np.float64) for v in (x, gamma, beta, running_mean, running_var))
    return (*arrays, float(momentum), float(eps))


@st.composite
def cases(draw, shapes=nchw_shapes(), x=None, momenta=MOMENTA, epsilons=EPSILONS,
          running_var=(0, 40), beta=(-40, 40), gamma=(-40, 40)):
    """A batch of `shapes`, filled by `x(shape)` (default dyadic in [-10, 10]), with random
    per-channel parameters; running_var, beta and gamma are quarters in those ranges."""
    shape = draw(shapes)
    c = shape[1]
    values = draw((x or dyadic_arrays)(shape))
    gamma = draw(dyadic_arrays((c,), gamma))
    beta = draw(dyadic_arrays((c,), beta))
    running_mean = draw(dyadic_arrays((c,)))
    var = draw(dyadic_arrays((c,), running_var))
    return values, gamma, beta, running_mean, var, draw(momenta), draw(epsilons)


def _spread_per_channel(shape):
    """Channels with their own centre (up to +-8) and scale (1/4 to 8)."""
    @st.composite
    def build(draw):
        centres = draw(dyadic_arrays((shape[1],), (-32, 32)))
        scales = np.array(draw(st.lists(st.sampled_from([0.25, 1.0, 8.0]),
                                        min_size=shape[1], max_size=shape[1])))
        noise = draw(dyadic_arrays(shape, (-8, 8)))
        return centres[None, :, None, None] + noise * scales[None, :, None, None]
    return build()


def _tiny_spread(shape):
    """Dyadic channels whose values differ by 1/256 at most a few times: variances of
    about 1e-5, comparable to eps, and some constant channels (variance 0)."""
    return dyadic_arrays(shape, (-3, 3), 256)


def large_case(seed: int):
    """x of shape (16, 32, 32, 32): 16,384 values per channel."""
    rng = np.random.default_rng(seed)
    x = seeded_array(seed, (16, 32, 32, 32), -4.0, 4.0)
    c = 32
    gamma, beta = rng.uniform(0.5, 2, c).round(2), rng.uniform(-1, 1, c).round(2)
    return x, gamma, beta, np.zeros(c), np.ones(c), 0.1, 1e-5


def _near(offset, steps):
    """One channel of len(steps) values: offset + k / 4096, laid out along W.

    Its gamma stays within +-1 in the property: a mean accumulated step by step (Welford)
    may then be a few units in the last place off, which moves y by at most ~3e-10.
    """
    return [[[[offset + k * 2.0 ** -12 for k in steps]]]]


# The statement's example: one channel 1, 3, 5, 7 and a constant channel 2, 2, 2, 2.
EXAMPLE = _case([[[[1, 3]], [[2, 2]]], [[[5, 7]], [[2, 2]]]], [1.5, 2], [0, -1], [0, 0],
                [1, 1], 0.1, 4.0)

PROPERTIES = [
    Property(
        name="per_channel_statistics",
        description="Random batches: each channel is normalised with its own mean and biased "
                    "variance over the batch and both spatial axes, then scaled and shifted, "
                    "and the running mean and (unbiased) variance move by the momentum.",
        strategy=st.one_of(cases(), cases(nchw_shapes(min_count=4), x=_spread_per_channel)),
        weight=3,
        max_examples=100,
        explicit=(
            EXAMPLE,
            _case([[[[0, 4], [8, 12]], [[1, 1], [1, 1]]]], [1, -2], [0.5, 0.5], [1, 2],
                  [3, 4], 0.1, 1e-5),
            _case([[[[1]], [[-2]]], [[[3]], [[6]]], [[[-4]], [[0]]]], [2, 0.5], [-1, 1],
                  [0, 0], [1, 1], 0.5, 1e-3),
        ),
    ),
    Property(
        name="few_values_per_channel",
        description="Only 2 to 4 values per channel, where the running variance's "
                    "n / (n - 1) correction is large and the normalisation must still use "
                    "the biased variance.",
        strategy=cases(counted_shapes(), momenta=st.sampled_from([0.5, 1.0, 0.3])),
        weight=2,
        max_examples=60,
        explicit=(
            _case([[[[2.0]]], [[[4.0]]]], [1], [0], [0], [0], 1.0, 1e-5),
            _case([[[[1.0, 5.0]]]], [2], [1], [0.5], [2], 0.5, 0.1),
        ),
    ),
    Property(
        name="momentum_extremes",
        description="Momentum 0 keeps the running statistics, momentum 1 replaces them with "
                    "the batch's, and values in between weight the batch by the momentum.",
        strategy=cases(momenta=st.sampled_from([0.0, 1.0, 0.1, 0.75])),
        weight=2,
        max_examples=60,
        explicit=(
            _case([[[[1, 2, 3, 6]]]], [1], [0], [10], [10], 0.0, 1e-5),
            _case([[[[1, 2, 3, 6]]]], [1], [0], [10], [10], 1.0, 1e-5),
            _case([[[[1, 2, 3, 6]]]], [1], [0], [10], [10], 0.1, 1e-5),
        ),
    ),
    Property(
        name="eps_inside_the_root",
        description="Channels with variances near eps (or 0) and eps from 1e-5 to 1: eps is "
                    "added to the variance under the square root.",
        strategy=cases(x=_tiny_spread, epsilons=st.sampled_from([1e-5, 1e-4, 1e-3, 0.5])),
        weight=2,
        max_examples=60,
        explicit=(
            _case([[[[0, 0.0078125]]]], [1], [0], [0], [1], 0.1, 1e-5),
            _case([[[[3, 3, 3]]]], [2], [0.5], [0], [1], 0.1, 1e-5),
            _case([[[[1, 2]]]], [1], [0], [0], [1], 0.1, 0.75),
        ),
    ),
    Property(
        name="large_offset_channels",
        description="Channels near +-1000 whose values differ by 0.0015 at most: the variance "
                    "must not be computed as E[x^2] - E[x]^2, which cancels catastrophically.",
        strategy=cases(counted_shapes((3, 5, 6, 7, 9, 10, 12, 14, 15, 18)), x=offset_channels,
                       momenta=st.sampled_from([0.5, 1.0]), epsilons=st.just(1e-5),
                       running_var=(0, 0), beta=(0, 0), gamma=(-4, 4)),
        weight=2,
        max_examples=40,
        explicit=(
            # One channel of 5 and one of 9 values near -999 where E[x^2] - E[x]^2 is off
            # by ~1e-10 in every common way of writing it, 10 times y's tolerance.
            _case(_near(-999.0, [0, 2, -1, -1, 1]), [1], [0], [0], [0], 1.0, 1e-5),
            _case(_near(-999.0, [-2, 0, 0, -3, 1, 3, -2, 3, -2]), [1], [0], [0], [0], 1.0,
                  1e-5),
        ),
    ),
    Property(
        name="large_batch_time",
        description="A batch of shape (16, 32, 32, 32), answered within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(large_case),
        weight=1,
        max_examples=1,  # 4 MB each way: one call is enough to time
        size="a batch of shape (16, 32, 32, 32)",
        time_limit_s=1.5,
    ),
]
