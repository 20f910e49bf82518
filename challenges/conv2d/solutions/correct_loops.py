"""Correct: four plain Python loops over output pixels and kernel taps."""
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    h, w = image.shape
    kh, kw = kernel.shape
    padded = [[0.0] * (w + 2 * padding) for _ in range(h + 2 * padding)]
    for i in range(h):
        for j in range(w):
            padded[i + padding][j + padding] = float(image[i, j])
    k = kernel.tolist()
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = []
    for r in range(oh):
        row = []
        for c in range(ow):
            total = 0.0
            for a in range(kh):
                src = padded[r * stride + a]
                ka = k[a]
                for b in range(kw):
                    total += src[c * stride + b] * ka[b]
            row.append(total)
        out.append(row)
    return out
