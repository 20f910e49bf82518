"""Correct: exact rational arithmetic with fractions.Fraction and an explicit half-up rule,
applied per distinct grey level with np.unique."""
from fractions import Fraction
import math

import numpy as np


def equalize_histogram(image):
    levels, inverse, counts = np.unique(image, return_inverse=True, return_counts=True)
    if len(levels) == 1:
        return image.copy()
    cumulative = np.cumsum(counts)
    n, h_min = int(cumulative[-1]), int(cumulative[0])
    mapped = [math.floor(Fraction(255 * (int(c) - h_min), n - h_min) + Fraction(1, 2))
              for c in cumulative]
    return np.asarray(mapped, dtype=np.int64)[inverse].reshape(image.shape)
