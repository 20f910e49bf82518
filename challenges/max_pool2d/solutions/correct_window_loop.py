"""Correct: a Python loop over the output positions; each window is clipped to the real
pixels (padding is -inf, so it never wins) and reduced over all channels at once."""
import math

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else (v[0], v[1])


def _count(n, k, s, p, ceil_mode):
    exact = (n + 2 * p - k) / s
    count = (math.ceil(exact) if ceil_mode else math.floor(exact)) + 1
    if ceil_mode and (count - 1) * s >= n + p:
        count -= 1
    return count


def max_pool2d(x, kernel_size, stride=None, padding=0, ceil_mode=False):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(stride) if stride is not None else (kh, kw)
    ph, pw = _pair(padding)
    channels, h, w = x.shape
    oh, ow = _count(h, kh, sh, ph, ceil_mode), _count(w, kw, sw, pw, ceil_mode)
    out = np.empty((channels, oh, ow))
    for i in range(oh):
        top, bottom = max(i * sh - ph, 0), min(i * sh - ph + kh, h)
        for j in range(ow):
            left, right = max(j * sw - pw, 0), min(j * sw - pw + kw, w)
            out[:, i, j] = x[:, top:bottom, left:right].max(axis=(1, 2))
    return out
