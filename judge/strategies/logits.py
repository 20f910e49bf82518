"""Logits and scores of any magnitude, for softmax, cross-entropy and sigmoid losses.

Extreme inputs are the point: rows whose largest logit is 1e3 to 1e4 overflow exp() in a
naive softmax, rows of equal logits test uniform outputs, a target hundreds below its row's
maximum has a probability that underflows to exactly 0 while its log-probability is finite,
and rows of one batch on very different scales need a maximum each. For sigmoid losses,
logits beyond +-40 make 1 - sigmoid(x) round to 0 (or sigmoid(x) to 1) in float64.

Knife-edges avoided: none needed for the comparison, since the tolerance is relative and
every stable formula agrees to ~1e-12; values are dyadic (k / 8 times a power of ten or a
multiple of 125), so shrunk cases read well and sums of them are exact.
"""
import numpy as np
from hypothesis import strategies as st

MAGNITUDES = (1.0, 10.0, 100.0, 1e3, 1e4)
SMOOTHING = st.one_of(st.sampled_from([0.0, 0.1, 0.25, 0.5, 1.0]),
                      st.floats(0.0, 1.0, allow_subnormal=False))


@st.composite
def logit_matrices(draw, max_rows: int = 6, max_cols: int = 6, magnitude=None,
                   min_cols: int = 1, magnitudes=MAGNITUDES):
    """A float64 (N, K) array, N >= 1, K >= min_cols, scaled by one magnitude up to 1e4
    (`magnitude`, or one drawn from `magnitudes`)."""
    rows = draw(st.integers(1, max_rows))
    cols = draw(st.integers(min_cols, max_cols))
    scale = draw(st.sampled_from(magnitudes)) if magnitude is None else magnitude
    values = draw(st.lists(st.integers(-8, 8), min_size=rows * cols, max_size=rows * cols))
    return np.array(values, dtype=np.float64).reshape(rows, cols) / 8 * scale


@st.composite
def rows_on_scales(draw, max_rows: int = 6, max_cols: int = 6, limit: float = 1e4):
    """A float64 (N, K) array, N >= 2, whose rows sit around different offsets (+-limit/2,
    0) with different spreads, so one row's maximum is useless for another row."""
    rows = draw(st.integers(2, max_rows))
    cols = draw(st.integers(1, max_cols))
    half = limit / 2
    out = np.empty((rows, cols))
    for r in range(rows):
        offset = draw(st.sampled_from([-half, 0.0, half]))
        spread = draw(st.sampled_from([1.0, 10.0, half]))
        values = draw(st.lists(st.integers(-8, 8), min_size=cols, max_size=cols))
        out[r] = offset + np.array(values, dtype=np.float64) / 8 * spread
    if not draw(st.booleans()):  # two rows at opposite ends of the range
        out[0] += limit - out[0].max()
        out[1] -= limit + out[1].min()
    return out


def targets_for(logits: np.ndarray):
    """int64 class indices, one per row of `logits`."""
    rows, cols = logits.shape
    return st.lists(st.integers(0, cols - 1), min_size=rows, max_size=rows).map(
        lambda t: np.array(t, dtype=np.int64))


@st.composite
def targets_far_below(draw, max_rows: int = 5, max_cols: int = 6):
    """(logits, targets): every target logit lies 875 to 5,000 below its row's maximum.

    exp(target - max) underflows to 0, so log(softmax) is -inf while the true loss is finite.
    Logits are multiples of 125 within +-1e4.
    """
    rows = draw(st.integers(1, max_rows))
    cols = draw(st.integers(2, max_cols))
    logits = np.array(draw(st.lists(st.integers(-40, 40), min_size=rows * cols,
                                    max_size=rows * cols)), dtype=np.float64)
    logits = logits.reshape(rows, cols) * 125
    targets = np.array(draw(st.lists(st.integers(0, cols - 1), min_size=rows,
                                     max_size=rows)), dtype=np.int64)
    for r, t in enumerate(targets):
        others = np.delete(logits[r], t)
        logits[r, t] = others.max() - 125 * draw(st.integers(7, 40))
    return logits, targets


@st.composite
def binary_logits(draw, shape, low: float = -8.0, high: float = 8.0):
    """A float64 array of `shape` with logits k / 8 in [low, high]."""
    size = int(np.prod(shape))
    values = draw(st.lists(st.integers(int(low * 8), int(high * 8)), min_size=size,
                           max_size=size))
    return np.array(values, dtype=np.float64).reshape(shape) / 8


@st.composite
def saturated_logits(draw, shape, limit: float = 100.0):
    """A float64 array of `shape` with |logit| in [40, limit]: sigmoid rounds to 0 or 1."""
    size = int(np.prod(shape))
    magnitudes = draw(st.lists(st.integers(40 * 8, int(limit * 8)), min_size=size,
                               max_size=size))
    signs = draw(st.lists(st.sampled_from([-1.0, 1.0]), min_size=size, max_size=size))
    values = np.array(magnitudes, dtype=np.float64) / 8 * np.array(signs)
    return values.reshape(shape)


@st.composite
def binary_targets(draw, shape, positives=None):
    """A float64 array of 0.0 and 1.0; `positives` fixes how many ones (None: any)."""
    size = int(np.prod(shape))
    if positives is None:
        bits = draw(st.lists(st.booleans(), min_size=size, max_size=size))
    else:
        ones = set(draw(st.permutations(range(size)))[:positives])
        bits = [i in ones for i in range(size)]
    return np.array(bits, dtype=np.float64).reshape(shape)


def seeded_logits(seed: int, shape, scale: float = 20.0, huge_rows: int = 0) -> np.ndarray:
    """A large dyadic logit array from a seed; its first `huge_rows` rows are scaled to 1e4."""
    rng = np.random.default_rng(seed)
    logits = np.round(rng.uniform(-scale, scale, size=shape) * 8) / 8
    if huge_rows:
        logits[:huge_rows] *= 1e4 / scale
    return logits
