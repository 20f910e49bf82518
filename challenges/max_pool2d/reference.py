"""Reference 2-D max pooling with torch's rules (no dilation), padding and ceil mode.

The input is padded with -inf, far enough for every window the output has (ceil mode's last
window may overrun the padding; those cells are -inf too), and the output is the running
maximum of one strided slice per kernel tap.
"""
import numpy as np


def _pair(value):
    return (value, value) if isinstance(value, int) else (int(value[0]), int(value[1]))


def output_length(n, kernel, stride, padding, ceil_mode):
    """Windows along one axis: floor or ceil of (n + 2p - k) / s, plus one; in ceil mode a
    last window that would start at or past n + p (inside the right padding) is dropped."""
    span = n + 2 * padding - kernel
    length = (-(-span // stride) if ceil_mode else span // stride) + 1
    if ceil_mode and (length - 1) * stride >= n + padding:
        length -= 1
    return length


def max_pool2d(x, kernel_size, stride=None, padding=0, ceil_mode=False):
    x = np.asarray(x, dtype=np.float64)
    (kh, kw), (ph, pw) = _pair(kernel_size), _pair(padding)
    sh, sw = _pair(kernel_size if stride is None else stride)
    channels, height, width = x.shape
    oh = output_length(height, kh, sh, ph, ceil_mode)
    ow = output_length(width, kw, sw, pw, ceil_mode)
    rows = max((oh - 1) * sh + kh, height + 2 * ph)
    cols = max((ow - 1) * sw + kw, width + 2 * pw)
    padded = np.full((channels, rows, cols), -np.inf)
    padded[:, ph:ph + height, pw:pw + width] = x
    out = np.full((channels, oh, ow), -np.inf)
    for a in range(kh):
        for b in range(kw):
            tap = padded[:, a:a + (oh - 1) * sh + 1:sh, b:b + (ow - 1) * sw + 1:sw]
            np.maximum(out, tap, out=out)
    return out
