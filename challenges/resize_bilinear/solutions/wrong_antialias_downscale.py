"""Wrong: when shrinking, averages every source pixel under the output pixel's footprint
(area interpolation / antialiasing) instead of blending four neighbours."""
# expect: wrong_answer
import numpy as np


def _weights(n_in, n_out):
    """(n_out, n_in) matrix of interpolation weights along one axis."""
    m = np.zeros((n_out, n_in))
    if n_out < n_in:
        scale = n_in / n_out
        for j in range(n_out):
            lo, hi = j * scale, (j + 1) * scale
            for k in range(n_in):
                m[j, k] = max(0.0, min(hi, k + 1) - max(lo, k))
            m[j] /= m[j].sum()
        return m
    for j in range(n_out):
        p = max((j + 0.5) * n_in / n_out - 0.5, 0.0)
        k = int(p)
        m[j, k] += 1 - (p - k)
        m[j, min(k + 1, n_in - 1)] += p - k
    return m


def resize_bilinear(image, out_height, out_width):
    return _weights(image.shape[0], out_height) @ image @ _weights(image.shape[1], out_width).T
