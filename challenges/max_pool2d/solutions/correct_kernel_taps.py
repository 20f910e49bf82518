"""Correct: pad with -inf (with room for ceil mode's last window), then take the running
maximum of one strided slice per kernel tap."""
import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def _out(n, k, s, p, ceil_mode):
    span = n + 2 * p - k
    out = (span + s - 1) // s + 1 if ceil_mode else span // s + 1
    if ceil_mode and (out - 1) * s >= n + p:
        out -= 1
    return out


def max_pool2d(x, kernel_size, stride=None, padding=0, ceil_mode=False):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    ph, pw = _pair(padding)
    c, h, w = x.shape
    oh, ow = _out(h, kh, sh, ph, ceil_mode), _out(w, kw, sw, pw, ceil_mode)
    extra_h = max(0, (oh - 1) * sh + kh - (h + 2 * ph))
    extra_w = max(0, (ow - 1) * sw + kw - (w + 2 * pw))
    padded = np.pad(x, ((0, 0), (ph, ph + extra_h), (pw, pw + extra_w)),
                    constant_values=-np.inf)
    result = None
    for a in range(kh):
        for b in range(kw):
            view = padded[:, a:a + sh * (oh - 1) + 1:sh, b:b + sw * (ow - 1) + 1:sw]
            result = view if result is None else np.maximum(result, view)
    return result
