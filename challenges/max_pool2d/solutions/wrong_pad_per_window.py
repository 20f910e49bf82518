"""Too slow: builds the padded input again for every output window, O(C H W) work per
window where slicing the padded input once is enough."""
# expect: time_limit_exceeded
import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def _out(n, k, s, p, ceil_mode):
    span = n + 2 * p - k
    out = -(-span // s) + 1 if ceil_mode else span // s + 1
    if ceil_mode and (out - 1) * s >= n + p:
        out -= 1
    return out


def max_pool2d(x, kernel_size, stride=None, padding=0, ceil_mode=False):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    ph, pw = _pair(padding)
    c, h, w = x.shape
    oh, ow = _out(h, kh, sh, ph, ceil_mode), _out(w, kw, sw, pw, ceil_mode)
    out = np.empty((c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            padded = np.pad(x, ((0, 0), (ph, ph + kh), (pw, pw + kw)), constant_values=-np.inf)
            window = padded[:, i * sh:i * sh + kh, j * sw:j * sw + kw]
            out[:, i, j] = window.max(axis=(1, 2))
    return out
