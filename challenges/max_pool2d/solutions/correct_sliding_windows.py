"""Correct: sliding_window_view over the -inf padded input, strided, reduced with max."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def _count(n, k, s, p, ceil_mode):
    q, r = divmod(n + 2 * p - k, s)
    count = q + 1 + (1 if ceil_mode and r else 0)
    return count - 1 if ceil_mode and (count - 1) * s >= n + p else count


def max_pool2d(x, kernel_size, stride=None, padding=0, ceil_mode=False):
    (kh, kw), (ph, pw) = _pair(kernel_size), _pair(padding)
    sh, sw = _pair(stride) if stride is not None else (kh, kw)
    _, h, w = x.shape
    oh, ow = _count(h, kh, sh, ph, ceil_mode), _count(w, kw, sw, pw, ceil_mode)
    need_h, need_w = (oh - 1) * sh + kh, (ow - 1) * sw + kw
    padded = np.pad(x, ((0, 0), (ph, max(ph, need_h - h - ph)), (pw, max(pw, need_w - w - pw))),
                    constant_values=-np.inf)
    windows = sliding_window_view(padded, (kh, kw), axis=(1, 2))[:, ::sh, ::sw][:, :oh, :ow]
    return windows.max(axis=(3, 4))
