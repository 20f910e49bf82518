"""Correct: one Python loop over output rows; each row is blended from two source rows and
then sampled at the precomputed column positions with numpy."""
import math

import numpy as np


def resize_bilinear(image, out_height, out_width):
    height, width = image.shape
    xs = np.maximum((np.arange(out_width) + 0.5) * width / out_width - 0.5, 0.0)
    left = np.floor(xs).astype(int)
    right = np.minimum(left + 1, width - 1)
    fx = xs - left
    out = np.empty((out_height, out_width))
    for i in range(out_height):
        y = max((i + 0.5) * height / out_height - 0.5, 0.0)
        top = math.floor(y)
        bottom = min(top + 1, height - 1)
        fy = y - top
        row = (1 - fy) * image[top] + fy * image[bottom]
        out[i] = (1 - fx) * row[left] + fx * row[right]
    return out
