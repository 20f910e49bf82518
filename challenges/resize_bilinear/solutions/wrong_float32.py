"""Wrong: computes in float32 to save memory, losing digits that 1e-9 * max|image| keeps."""
# expect: wrong_answer
import numpy as np


def resize_bilinear(image, out_height, out_width):
    image = image.astype(np.float32)
    h, w = image.shape
    y = np.maximum((np.arange(out_height, dtype=np.float32) + 0.5) * h / out_height - 0.5, 0)
    x = np.maximum((np.arange(out_width, dtype=np.float32) + 0.5) * w / out_width - 0.5, 0)
    y0, x0 = np.floor(y).astype(int), np.floor(x).astype(int)
    y1, x1 = np.minimum(y0 + 1, h - 1), np.minimum(x0 + 1, w - 1)
    fy, fx = (y - y0).astype(np.float32)[:, None], (x - x0).astype(np.float32)
    rows = image[y0] * (1 - fy) + image[y1] * fy
    return rows[:, x0] * (1 - fx) + rows[:, x1] * fx
