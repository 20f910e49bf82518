"""Correct: a general 3 x 3 correlation (loop over the nine taps on the symmetric-padded
image) applied with the Sobel kernel and its transpose, then np.hypot."""
import numpy as np

SOBEL_X = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])


def _correlate3(image, kernel):
    h, w = image.shape
    padded = np.pad(image, 1, mode="symmetric")
    out = np.zeros((h, w))
    for a in range(3):
        for b in range(3):
            if kernel[a, b]:
                out += kernel[a, b] * padded[a:a + h, b:b + w]
    return out


def sobel_magnitude(image):
    return np.hypot(_correlate3(image, SOBEL_X), _correlate3(image, SOBEL_X.T))
