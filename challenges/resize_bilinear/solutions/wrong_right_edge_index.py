"""Wrong: takes x0 + 1 as the right neighbour without clamping it to W - 1, so enlarging
reads one pixel past the right (and bottom) edge."""
# expect: runtime_error
import numpy as np


def resize_bilinear(image, out_height, out_width):
    h, w = image.shape
    out = np.empty((out_height, out_width))
    for i in range(out_height):
        y = max((i + 0.5) * h / out_height - 0.5, 0.0)
        y0 = int(y)
        fy = y - y0
        for j in range(out_width):
            x = max((j + 0.5) * w / out_width - 0.5, 0.0)
            x0 = int(x)
            fx = x - x0
            top = (1 - fx) * image[y0, x0] + fx * image[y0, x0 + 1] if fx else image[y0, x0]
            if fy:
                bottom = (1 - fx) * image[y0 + 1, x0] + fx * image[y0 + 1, x0 + 1] if fx \
                    else image[y0 + 1, x0]
                out[i, j] = (1 - fy) * top + fy * bottom
            else:
                out[i, j] = top
    return out
