"""Wrong: rounds the output size up (ceil) and pads extra zeros so the partial last window fits."""
# expect: wrong_answer
import math

import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    oh = math.ceil((h + 2 * padding - kh) / stride) + 1
    ow = math.ceil((w + 2 * padding - kw) / stride) + 1
    padded = np.zeros(((oh - 1) * stride + kh, (ow - 1) * stride + kw))
    padded[padding:padding + h, padding:padding + w] = image
    out = np.zeros((oh, ow))
    for r in range(oh):
        for c in range(ow):
            out[r, c] = np.sum(padded[r * stride:r * stride + kh, c * stride:c * stride + kw] * kernel)
    return out
