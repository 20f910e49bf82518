"""Reference 2-D cross-correlation: pad with zeros, then add up one shifted, strided view of
the padded image per kernel tap (no flip), so the work is vectorised over the output."""
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    height, width = image.shape
    k_height, k_width = kernel.shape

    padded = np.zeros((height + 2 * padding, width + 2 * padding))
    padded[padding:padding + height, padding:padding + width] = image

    out_height = (height + 2 * padding - k_height) // stride + 1
    out_width = (width + 2 * padding - k_width) // stride + 1
    out = np.zeros((out_height, out_width))
    for i in range(k_height):
        for j in range(k_width):
            rows = slice(i, i + stride * (out_height - 1) + 1, stride)
            cols = slice(j, j + stride * (out_width - 1) + 1, stride)
            out += kernel[i, j] * padded[rows, cols]
    return out
