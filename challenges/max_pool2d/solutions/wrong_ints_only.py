"""Wrong: assumes kernel_size, stride and padding are ints; a pair makes the arithmetic fail."""
# expect: runtime_error
import numpy as np


def max_pool2d(x, kernel_size, stride=None, padding=0, ceil_mode=False):
    k, p = kernel_size, padding
    s = k if stride is None else stride
    c, h, w = x.shape

    def count(n):
        span = n + 2 * p - k
        out = -(-span // s) + 1 if ceil_mode else span // s + 1
        return out - 1 if ceil_mode and (out - 1) * s >= n + p else out

    oh, ow = count(h), count(w)
    padded = np.full((c, h + 2 * p + k + s, w + 2 * p + k + s), -np.inf)
    padded[:, p:p + h, p:p + w] = x
    out = np.full((c, oh, ow), -np.inf)
    for a in range(k):
        for b in range(k):
            out = np.maximum(out, padded[:, a:a + s * (oh - 1) + 1:s, b:b + s * (ow - 1) + 1:s])
    return out
