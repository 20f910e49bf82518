"""Wrong: rounds up in ceil mode but keeps a last window that starts inside the right
padding (it holds no real pixel and comes out as -inf)."""
# expect: wrong_answer
import math

import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def max_pool2d(x, kernel_size, stride=None, padding=0, ceil_mode=False):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    ph, pw = _pair(padding)
    c, h, w = x.shape
    rnd = math.ceil if ceil_mode else math.floor
    oh, ow = rnd((h + 2 * ph - kh) / sh) + 1, rnd((w + 2 * pw - kw) / sw) + 1
    padded = np.full((c, (oh - 1) * sh + kh + h, (ow - 1) * sw + kw + w), -np.inf)
    padded[:, ph:ph + h, pw:pw + w] = x
    out = np.full((c, oh, ow), -np.inf)
    for a in range(kh):
        for b in range(kw):
            out = np.maximum(out, padded[:, a:a + sh * (oh - 1) + 1:sh, b:b + sw * (ow - 1) + 1:sw])
    return out
