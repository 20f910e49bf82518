"""Too slow: a Python loop over every output pixel, reading the four neighbours one by one."""
# expect: time_limit_exceeded
import numpy as np


def resize_bilinear(image, out_height, out_width):
    h, w = image.shape
    out = np.zeros((out_height, out_width))
    for i in range(out_height):
        y = max((i + 0.5) * h / out_height - 0.5, 0.0)
        y0 = int(y)
        y1 = min(y0 + 1, h - 1)
        fy = y - y0
        for j in range(out_width):
            x = max((j + 0.5) * w / out_width - 0.5, 0.0)
            x0 = int(x)
            x1 = min(x0 + 1, w - 1)
            fx = x - x0
            out[i, j] = ((1 - fy) * ((1 - fx) * image[y0, x0] + fx * image[y0, x1])
                         + fy * ((1 - fx) * image[y1, x0] + fx * image[y1, x1]))
    return out
