"""Wrong: pads with zeros (np.pad's default), so a window over negative values next to the
border returns 0."""
# expect: wrong_answer
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
    padded = np.pad(x, ((0, 0), (ph, ph), (pw, pw)))
    padded = np.pad(padded, ((0, 0), (0, kh + sh), (0, kw + sw)), constant_values=-np.inf)
    out = np.full((c, oh, ow), -np.inf)
    for a in range(kh):
        for b in range(kw):
            out = np.maximum(out, padded[:, a:a + sh * (oh - 1) + 1:sh, b:b + sw * (ow - 1) + 1:sw])
    return out
