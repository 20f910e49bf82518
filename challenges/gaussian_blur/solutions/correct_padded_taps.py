"""Correct: np.pad with mode="symmetric" (numpy's name for half-sample reflection, which it
repeats for pads wider than the image), then a loop over taps adding shifted slices."""
import math

import numpy as np


def gaussian_blur(image, sigma):
    radius = int(4 * sigma + 0.5)
    weights = [math.exp(-k * k / (2 * sigma * sigma)) for k in range(-radius, radius + 1)]
    total = sum(weights)
    weights = [w / total for w in weights]
    h, w = image.shape
    padded = np.pad(image, ((radius, radius), (0, 0)), mode="symmetric")
    vertical = sum(wt * padded[t:t + h] for t, wt in enumerate(weights))
    padded = np.pad(vertical, ((0, 0), (radius, radius)), mode="symmetric")
    return sum(wt * padded[:, t:t + w] for t, wt in enumerate(weights))
