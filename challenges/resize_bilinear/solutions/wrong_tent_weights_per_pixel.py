"""Too slow: resamples each output pixel as a weighted sum over the whole image with tent
weights max(0, 1 - |distance|) (right, but O(H W) work per output pixel where bilinear
needs four neighbours)."""
# expect: time_limit_exceeded
import numpy as np


def _tents(n_in, n_out):
    """Row k: the tent weights of every source index for output index k."""
    centres = np.clip((np.arange(n_out) + 0.5) * n_in / n_out - 0.5, 0, n_in - 1)
    return np.maximum(0.0, 1.0 - np.abs(centres[:, None] - np.arange(n_in)[None, :]))


def resize_bilinear(image, out_height, out_width):
    wy = _tents(image.shape[0], out_height)
    wx = _tents(image.shape[1], out_width)
    out = np.empty((out_height, out_width))
    for i in range(out_height):
        for j in range(out_width):
            out[i, j] = wy[i] @ image @ wx[j]
    return out
