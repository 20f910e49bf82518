"""Reference 2-D cross-correlation: pad with zeros, then slide the kernel window by window."""
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
    for row in range(out_height):
        for col in range(out_width):
            top, left = row * stride, col * stride
            window = padded[top:top + k_height, left:left + k_width]
            out[row, col] = np.sum(window * kernel)  # no flip: cross-correlation
    return out
