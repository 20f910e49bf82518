"""Wrong: nearest-neighbour sampling (rounds the half-pixel position) instead of blending."""
# expect: wrong_answer
import numpy as np


def resize_bilinear(image, out_height, out_width):
    h, w = image.shape
    rows = np.minimum(np.floor((np.arange(out_height) + 0.5) * h / out_height), h - 1).astype(int)
    cols = np.minimum(np.floor((np.arange(out_width) + 0.5) * w / out_width), w - 1).astype(int)
    return image[rows][:, cols]
