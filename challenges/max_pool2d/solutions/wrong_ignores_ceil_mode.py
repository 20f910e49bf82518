"""Wrong: always rounds the output size down, as if ceil_mode were False."""
# expect: wrong_answer
import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def max_pool2d(x, kernel_size, stride=None, padding=0, ceil_mode=False):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    ph, pw = _pair(padding)
    c, h, w = x.shape
    oh, ow = (h + 2 * ph - kh) // sh + 1, (w + 2 * pw - kw) // sw + 1
    padded = np.pad(x, ((0, 0), (ph, ph), (pw, pw)), constant_values=-np.inf)
    out = np.full((c, oh, ow), -np.inf)
    for a in range(kh):
        for b in range(kw):
            out = np.maximum(out, padded[:, a:a + sh * (oh - 1) + 1:sh, b:b + sw * (ow - 1) + 1:sw])
    return out
