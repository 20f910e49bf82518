"""Too slow: loops over every pixel and its nine neighbours in Python."""
# expect: time_limit_exceeded
import numpy as np

KX = [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]


def sobel_magnitude(image):
    h, w = image.shape
    out = np.zeros((h, w))
    for i in range(h):
        for j in range(w):
            gx = gy = 0.0
            for a in range(3):
                for b in range(3):
                    y = min(max(i + a - 1, 0), h - 1)
                    x = min(max(j + b - 1, 0), w - 1)
                    value = image[y, x]
                    gx += KX[a][b] * value
                    gy += KX[b][a] * value
            out[i, j] = (gx * gx + gy * gy) ** 0.5
    return out
