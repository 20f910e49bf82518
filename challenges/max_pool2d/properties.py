"""Hidden checks for max_pool2d.

Pooling selects values, so every correct solution returns them exactly: the only edges are
the window-count rules, and they are built on purpose per axis (`_axis`): ceil-mode windows
that overrun the padded input, and ceil-mode windows that would start inside the right
padding and are dropped. Each strategy yields (x, kernel_size, stride, padding, ceil_mode)
with x a float64 (C, H, W) array and the sizes ints, (h, w) tuples or (stride) None.
"""
import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.arrays import dyadic_arrays, seeded_array

ANY = ("even", "partial", "dropped")


def _kind(n, k, s, p) -> str:
    """How ceil mode differs along an axis: not at all ("even"), by a last window that
    overruns the padded input ("partial"), or by one it drops ("dropped")."""
    span = n + 2 * p - k
    ceil = -(-span // s) + 1
    if (ceil - 1) * s >= n + p:
        return "dropped"
    return "partial" if ceil > span // s + 1 else "even"


def _sizes(k, s, p, kinds, max_n=8):
    return [n for n in range(max(1, k - 2 * p), max_n + 1) if _kind(n, k, s, p) in kinds]


@st.composite
def _axis(draw, kinds=ANY, stride_is_kernel=False, max_kernel=5, max_stride=4):
    """(n, kernel, stride, padding) along one axis within the contract (2p <= k <= n + 2p),
    of one of the ceil-mode `kinds`."""
    k = draw(st.integers(1, max_kernel))
    s = k if stride_is_kernel else draw(st.integers(1, max_stride))
    p = draw(st.integers(0, k // 2))
    sizes = _sizes(k, s, p, kinds)
    if not sizes:  # e.g. no window can be dropped with stride 1: take the plainest case
        return draw(st.integers(1, 8)), 1, 1, 0
    return draw(st.sampled_from(sizes)), k, s, p


def _size(draw, h, w):
    """An int when both axes agree (a pair now and then anyway), else the (h, w) pair."""
    return h if h == w and draw(st.booleans()) else (h, w)


@st.composite
def _pooling(draw, row_kinds=ANY, col_kinds=ANY, same_sizes=True, ceil_mode=None,
             values=dyadic_arrays, stride_none=False):
    """A pooling case of 1 to 3 channels. `same_sizes`: one kernel, stride and padding for
    both axes; the axes' kinds may swap; `ceil_mode` None draws it; `stride_none` passes
    stride=None (which a drawn stride equal to the kernel sometimes does too)."""
    if draw(st.booleans()):
        row_kinds, col_kinds = col_kinds, row_kinds
    n_h, k_h, s_h, p_h = draw(_axis(row_kinds, stride_none))
    widths = _sizes(k_h, s_h, p_h, col_kinds) if same_sizes else []
    if widths:
        n_w, k_w, s_w, p_w = draw(st.sampled_from(widths)), k_h, s_h, p_h
    else:
        n_w, k_w, s_w, p_w = draw(_axis(col_kinds, stride_none))
    x = draw(values((draw(st.sampled_from([1, 1, 2, 3])), n_h, n_w)))
    if stride_none or ((s_h, s_w) == (k_h, k_w) and draw(st.booleans())):
        stride = None
    else:
        stride = _size(draw, s_h, s_w)
    ceil = draw(st.booleans()) if ceil_mode is None else ceil_mode
    return (x, _size(draw, k_h, k_w), stride, _size(draw, p_h, p_w), ceil)


def _negative(shape):
    return dyadic_arrays(shape, numerators=(-40, -1))


@st.composite
def _extreme(draw, shape):
    """Values including -inf, inf and magnitudes near the float limit."""
    special = st.sampled_from([-np.inf, np.inf, -1e300, 1e300, -5.0, 0.0])
    plain = st.integers(-40, 40).map(lambda k: k / 4)
    size = int(np.prod(shape))
    values = draw(st.lists(st.one_of(special, plain), min_size=size, max_size=size))
    return np.array(values, dtype=np.float64).reshape(shape)


@st.composite
def _whole_or_unit(draw):
    """A single window covering the whole padded input, or a 1 x 1 kernel (with a stride)."""
    channels, h, w = draw(st.integers(1, 3)), draw(st.integers(1, 6)), draw(st.integers(1, 6))
    x = draw(dyadic_arrays((channels, h, w)))
    if draw(st.booleans()):
        ph, pw = draw(st.integers(0, h)), draw(st.integers(0, w))
        return (x, (h + 2 * ph, w + 2 * pw), None, (ph, pw), draw(st.booleans()))
    return (x, 1, draw(st.integers(1, 3)), 0, draw(st.booleans()))


def _grid(*rows):
    return np.array([rows], dtype=np.float64)


def _large_case(seed):
    return (seeded_array(seed, (64, 128, 128), -100.0, 100.0), 3, 2, 1, True)


RAMP = _grid([0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15])
ROW = _grid([3, 1, 4, 1, 5])

PROPERTIES = [
    Property(
        name="floor_mode",
        description="Kernels, strides and paddings of every size (the same on both axes) with "
                    "ceil_mode=False: leftover rows and columns are left out.",
        strategy=_pooling(ceil_mode=False),
        weight=3,
        max_examples=90,
        explicit=(
            (RAMP, 2, None, 0, False),  # the worked example
            (np.arange(30.0).reshape(1, 5, 6), 3, 2, 1, False),
            (ROW, (1, 2), (1, 2), 0, False),
        ),
    ),
    Property(
        name="ceil_mode_overrunning_window",
        hint="With ceil_mode the last window may run past the padded input: keep it and treat "
             "the cells beyond as -inf.",
        rank=2,
        description="ceil_mode=True where the last window runs past the padded input: it is "
                    "kept, and the cells beyond count as -inf.",
        strategy=_pooling(row_kinds=("partial",), ceil_mode=True),
        weight=3,
        max_examples=70,
        explicit=((ROW, (1, 2), (1, 2), 0, True),
                  (-np.arange(1.0, 7.0).reshape(1, 1, 6), 3, 2, 1, True),
                  (np.arange(12.0).reshape(1, 3, 4), (2, 3), (2, 3), 0, True)),
    ),
    Property(
        name="ceil_mode_dropped_window",
        hint="With ceil_mode a window that would start inside the right padding is dropped.",
        rank=2,
        description="ceil_mode=True where rounding up would add a window starting inside the "
                    "right padding: that window is dropped.",
        strategy=_pooling(row_kinds=("dropped",), ceil_mode=True),
        weight=3,
        max_examples=70,
        explicit=((ROW, (1, 2), (1, 2), (0, 1), True), (ROW, 1, 3, 0, True),
                  (np.arange(25.0).reshape(1, 5, 5), 2, 2, 1, True)),
    ),
    Property(
        name="rectangular_sizes",
        description="(h, w) pairs with different kernels, strides and paddings per axis, on "
                    "inputs with several channels.",
        strategy=_pooling(same_sizes=False),
        weight=2,
        max_examples=70,
        explicit=((np.arange(24.0).reshape(2, 3, 4), (1, 2), (1, 2), (0, 1), False),
                  (np.arange(40.0).reshape(1, 5, 8), (3, 2), (2, 4), (1, 0), True)),
    ),
    Property(
        name="stride_defaults_to_kernel",
        hint="stride=None means the kernel size, not 1.",
        rank=2,
        description="stride=None, which means the kernel size (not 1), for ints and pairs.",
        strategy=_pooling(same_sizes=False, stride_none=True),
        weight=2,
        max_examples=40,
        explicit=((RAMP, 2, None, 0, False), (RAMP, (1, 2), None, 0, True)),
    ),
    Property(
        name="padding_around_negative_values",
        hint="Padded cells count as -inf, never as 0.",
        rank=2,
        description="Padding around inputs that are negative everywhere: padded cells count "
                    "as -inf, never as 0.",
        strategy=_pooling(row_kinds=ANY, values=_negative).filter(
            lambda case: case[3] != 0 and case[3] != (0, 0)),
        weight=2,
        max_examples=50,
        explicit=((-RAMP - 1, 3, 2, 1, False), (-RAMP - 1, 2, 2, 1, True),
                  (-np.arange(1.0, 26.0).reshape(1, 5, 5), 2, 2, 1, True)),
    ),
    Property(
        name="infinities_and_huge_values",
        description="Inputs holding -inf, inf and values near +-1e300, which must come back "
                    "unchanged.",
        strategy=_pooling(values=_extreme),
        weight=1,
        max_examples=40,
        explicit=((_grid([-np.inf, -np.inf], [-np.inf, 2.0]), 2, 1, 1, False),
                  (_grid([-np.inf, -1e300, 5.0]), 2, 2, 1, True)),
    ),
    Property(
        name="whole_input_or_unit_kernel",
        description="A single window covering the whole padded input, and 1 x 1 kernels "
                    "with strides.",
        strategy=_whole_or_unit(),
        weight=1,
        max_examples=40,
        explicit=((_grid([7.0]), 1, None, 0, False),
                  (_grid([1, 2], [3, 4]), (4, 2), None, (1, 0), True)),
    ),
    Property(
        name="large_input_time",
        description="64 channels of 128 x 128, kernel 3, stride 2, padding 1, ceil mode, "
                    "within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(_large_case),
        weight=1,
        max_examples=1,
        size="64 channels of 128 x 128, kernel 3, stride 2",
        time_limit_s=0.35,
    ),
]
