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


def conv_output_side(side: int, kernel: int, stride: int, padding: int) -> int:
    return (side + 2 * padding - kernel) // stride + 1


@st.composite
def conv_geometries(draw, max_n: int = 2, max_c: int = 2, max_k: int = 2, max_side: int = 5,
                    strides=st.just(1), paddings=st.just(0), max_kernel: int = 3,
                    leftover: bool = False, full_kernel: bool = False):
    """(x_shape, weight_shape, out_shape, stride, padding) of a 2-D convolution: x
    (N, C, H, W), weight (K, C, kh, kw) fitting the padded input, out (N, K, oh, ow).

    leftover: the last 1..stride-1 rows (and sometimes columns) of the padded input are
        reached by no window (stride >= 2 is drawn).
    full_kernel: the kernel is exactly as large as the padded input (one output position).
    """
    n, c, k = (draw(st.integers(1, top)) for top in (max_n, max_c, max_k))
    stride = draw(st.integers(2, 3)) if leftover else draw(strides)
    padding = draw(paddings)
    sides = []
    for axis in range(2):
        if full_kernel:
            side = draw(st.integers(1, max_side))
            kernel = side + 2 * padding
        elif leftover:
            kernel = draw(st.integers(1, max_kernel))
            outputs = draw(st.integers(1, 3))
            rest = draw(st.integers(1 if axis == 0 else 0, stride - 1))
            side = max(1, (outputs - 1) * stride + kernel + rest - 2 * padding)
        else:
            side = draw(st.integers(1, max_side))
            kernel = draw(st.integers(1, min(max_kernel, side + 2 * padding)))
        sides.append((side, kernel))
    (h, kh), (w, kw) = sides
    out = (n, k, conv_output_side(h, kh, stride, padding), conv_output_side(w, kw, stride, padding))
    return (n, c, h, w), (k, c, kh, kw), out, stride, padding


@st.composite
def attention_shapes(draw, max_lead: int = 2, max_side: int = 3, max_len: int = 4,
                     max_d: int = 4, dims=None):
    """(lead, Lq, Lk, d, dv): `lead` is a tuple of 0 to max_lead leading sides; `dims`
    (a strategy) overrides how d is drawn."""
    lead = tuple(draw(st.lists(st.integers(1, max_side), max_size=max_lead)))
    lq, lk = draw(st.integers(1, max_len)), draw(st.integers(1, max_len))
    d = draw(dims if dims is not None else st.integers(1, max_d))
    return lead, lq, lk, d, draw(st.integers(1, max_d))


@st.composite
def row_masks(draw, rows: int, cols: int, allowed=None):
    """A bool (rows, cols) mask with at least one True in every row; `allowed` fixes how
    many Trues each row has (None: any number)."""
    mask = np.zeros((rows, cols), dtype=bool)
    for r in range(rows):
        count = draw(st.integers(1, cols)) if allowed is None else min(allowed, cols)
        mask[r, draw(st.permutations(range(cols)))[:count]] = True
    return mask
