"""N-D tensors for layers: image batches (N, C, H, W), convolution geometries, attention
shapes, and channels built to expose cancellation.

Fill them with judge.strategies.arrays.dyadic_arrays (k / 4 by default): sums of products
are then exact, so loops, einsum and BLAS agree bit for bit, and shrunk cases stay short.

Knife-edges avoided: sums that round differently in different orders. Dyadic values keep
every channel sum exact, so every "sum, then divide" mean is the same correctly rounded
number and normalised values agree to ~1e-15 even when a channel sits near +-1000 with a
spread of 0.001 (`offset_channels`), where E[x^2] - E[x]^2 loses most of its digits: only
the unstable formula can fail there.
"""
import numpy as np
from hypothesis import strategies as st



@st.composite
def nchw_shapes(draw, max_n: int = 3, max_c: int = 3, max_side: int = 4,
                min_count: int = 2):
    """(N, C, H, W) with every side >= 1 and N * H * W >= min_count (values per channel)."""
    n = draw(st.integers(1, max_n))
    c = draw(st.integers(1, max_c))
    h = draw(st.integers(1, max_side))
    w = draw(st.integers(1, max_side))
    while n * h * w < min_count:  # grow the side that is smallest, keeping the shape small
        if n <= w:
            n += 1
        else:
            w += 1
    return n, c, h, w


@st.composite
def counted_shapes(draw, counts=(2, 3, 4), max_c: int = 3):
    """(N, C, H, W) whose N * H * W is one of `counts`, split at random between the batch
    and the two spatial axes."""
    count = draw(st.sampled_from(counts))
    sides = [1, 1, 1]
    rest = count
    for factor in (2, 3, 5, 7):
        while rest % factor == 0:
            sides[draw(st.integers(0, 2))] *= factor
            rest //= factor
    sides[0] *= rest
    return sides[0], draw(st.integers(1, max_c)), sides[1], sides[2]


@st.composite
def offset_channels(draw, shape, offsets=(-999.5, -999.0, 512.25, 999.75), step=2.0 ** -12,
                    steps: int = 3):
    """A float64 (N, C, H, W) array: each channel is one of `offsets` plus a few multiples
    (-steps..steps) of `step`, never all equal.

    Every value has about 22 significant bits, so channel sums and sums of squares are
    exact and all two-pass variances agree; E[x^2] - E[x]^2 still rounds both terms at
    ~1e-10 while the variance is ~1e-7, unless N * H * W is a power of two (then even
    that formula happens to be exact: draw other counts to expose it).
    """
    n, c, h, w = shape
    out = np.empty(shape)
    for channel in range(c):
        offset = draw(st.sampled_from(offsets))
        ks = draw(st.lists(st.integers(-steps, steps), min_size=n * h * w, max_size=n * h * w))
        if len(set(ks)) == 1:  # a constant channel has variance 0: nothing to cancel
            ks[0] += 1 if ks[0] < steps else -1
        out[:, channel] = offset + np.array(ks, dtype=np.float64).reshape(n, h, w) * step
    return out
