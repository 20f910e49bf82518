"""Hidden checks for conv2d_backward.

Each strategy yields (x, weight, grad_output, stride, padding): float64 arrays of shapes
(N, C, H, W), (K, C, kh, kw) and (N, K, oh, ow), and two ints. Values are multiples of 1/4
(one property uses arbitrary floats), so every gradient entry is an exact sum and all
correct formulations agree bit for bit.
"""
import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.arrays import FLOATS, dyadic_arrays, seeded_array
from judge.strategies.tensors import conv_geometries


@st.composite
def cases(draw, geometries, values=None):
    """Arrays for a drawn geometry; `values` is an element strategy (default dyadic)."""
    x_shape, w_shape, out_shape, stride, padding = draw(geometries)
    if values is None:
        fill = dyadic_arrays
    else:
        def fill(shape):
            size = int(np.prod(shape))
            return st.lists(values, min_size=size, max_size=size).map(
                lambda v: np.array(v, dtype=np.float64).reshape(shape))
    return draw(fill(x_shape)), draw(fill(w_shape)), draw(fill(out_shape)), stride, padding


def _arange(*shape, start=1.0):
    return np.arange(start, start + np.prod(shape), dtype=np.float64).reshape(shape)


def _ones(*shape):
    return np.ones(shape, dtype=np.float64)


def large_case(seed: int):
    """x (4, 8, 16, 16), weight (8, 8, 3, 3), stride 1, padding 1."""
    return (seeded_array(seed, (4, 8, 16, 16)), seeded_array(seed + 1, (8, 8, 3, 3)),
            seeded_array(seed + 2, (4, 8, 16, 16)), 1, 1)


GEOMETRY = dict(max_n=2, max_c=2, max_k=2)

PROPERTIES = [
    Property(
        name="stride_one_no_padding",
        description="Stride 1 and no padding: grad_weight correlates x with grad_output, "
                    "grad_x spreads grad_output back through the kernel.",
        strategy=cases(conv_geometries(**GEOMETRY)),
        weight=3,
        max_examples=60,
        explicit=(
            (_arange(1, 1, 3, 3), np.array([[[[1.0, 0.0], [0.0, -1.0]]]]), _ones(1, 1, 2, 2), 1, 0),
            (_arange(1, 1, 2, 3), _arange(1, 1, 1, 2), _arange(1, 1, 2, 2, start=-1.0), 1, 0),
            (_arange(1, 1, 1, 1), np.array([[[[2.5]]]]), np.array([[[[-2.0]]]]), 1, 0),
        ),
    ),
    Property(
        name="zero_padding",
        description="Padding of 1 or 2 on every side with stride 1: the gradient of the "
                    "padding zeros is dropped and grad_weight sees the zeros.",
        strategy=cases(conv_geometries(paddings=st.integers(1, 2), **GEOMETRY)),
        weight=2,
        max_examples=50,
        explicit=(
            (_arange(1, 1, 2, 2), _ones(1, 1, 3, 3), _ones(1, 1, 2, 2), 1, 1),
            (_arange(1, 1, 1, 3), _arange(1, 1, 2, 2), _arange(1, 1, 2, 4), 1, 1),
        ),
    ),
    Property(
        name="strides",
        description="Strides of 2 and 3 without padding, including strides longer than the "
                    "kernel, which skip input pixels.",
        strategy=cases(conv_geometries(strides=st.integers(2, 3), max_side=7, **GEOMETRY)),
        weight=2,
        max_examples=50,
        explicit=(
            (_arange(1, 1, 4, 4), _arange(1, 1, 2, 2), _arange(1, 1, 2, 2), 2, 0),
            (_arange(1, 1, 5, 5), _ones(1, 1, 1, 1), _arange(1, 1, 2, 2), 3, 0),
        ),
    ),
    Property(
        name="stride_and_padding",
        description="Stride and padding together, with kernels of any size that fit the "
                    "padded input.",
        strategy=cases(conv_geometries(strides=st.integers(1, 3), paddings=st.integers(0, 2),
                                       max_side=6, **GEOMETRY)),
        weight=2,
        max_examples=50,
        explicit=(
            (_arange(1, 1, 4, 5), _arange(1, 1, 3, 2), _arange(1, 1, 2, 3), 2, 1),
        ),
    ),
    Property(
        name="pixels_no_window_reaches",
        description="The stride leaves the last rows or columns of the input outside every "
                    "window: their gradient is 0, and grad_x keeps the shape of x.",
        strategy=cases(conv_geometries(leftover=True, paddings=st.integers(0, 1), **GEOMETRY)),
        weight=2,
        max_examples=50,
        explicit=(
            (_arange(1, 1, 3, 3), np.array([[[[1.0, 0.0], [0.0, -1.0]]]]),
             np.array([[[[2.0]]]]), 2, 0),
            (_arange(1, 1, 5, 4), _ones(1, 1, 2, 2), _ones(1, 1, 2, 2), 2, 0),
            (_arange(1, 1, 4, 4), _ones(1, 1, 3, 3), _ones(1, 1, 2, 2), 3, 1),
        ),
    ),
    Property(
        name="kernel_as_large_as_the_padded_input",
        description="A kernel exactly as large as the padded input (one output position), "
                    "also larger than the unpadded input.",
        strategy=cases(conv_geometries(full_kernel=True, max_side=3, strides=st.integers(1, 3),
                                       paddings=st.integers(0, 2), **GEOMETRY)),
        weight=1,
        max_examples=40,
        explicit=(
            (_arange(1, 1, 1, 1), _arange(1, 1, 3, 3), np.array([[[[1.0]]]]), 1, 1),
            (_arange(1, 2, 2, 1), _arange(3, 2, 4, 3), _arange(1, 3, 1, 1), 2, 1),
        ),
    ),
    Property(
        name="batches_and_channels",
        description="Up to 3 images, 3 input and 3 output channels, all different counts: "
                    "grad_weight sums over the batch, grad_x over the output channels.",
        strategy=cases(conv_geometries(max_n=3, max_c=3, max_k=3, strides=st.integers(1, 2),
                                       paddings=st.integers(0, 1))),
        weight=2,
        max_examples=50,
        explicit=(
            (_arange(2, 3, 3, 3), _arange(4, 3, 2, 2, start=-20.0), _arange(2, 4, 2, 2), 1, 0),
            (_arange(3, 1, 2, 2), _arange(2, 1, 1, 1), _arange(3, 2, 2, 2), 1, 0),
        ),
    ),
    Property(
        name="fractional_values",
        description="Arbitrary real values in [-10, 10] rather than quarters.",
        strategy=cases(conv_geometries(strides=st.integers(1, 2), paddings=st.integers(0, 1),
                                       **GEOMETRY), values=FLOATS),
        weight=1,
        max_examples=40,
    ),
    Property(
        name="large_input_time",
        description="x of shape (4, 8, 16, 16) with an (8, 8, 3, 3) kernel, stride 1 and "
                    "padding 1, answered within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(large_case),
        weight=1,
        max_examples=2,
        size="x of shape (4, 8, 16, 16), an (8, 8, 3, 3) kernel",
        time_limit_s=1.0,
    ),
]
