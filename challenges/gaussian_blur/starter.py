import numpy as np


def gaussian_blur(image, sigma):
    """Blur a grey image with a Gaussian of standard deviation `sigma`.

    image: float64 array of shape (H, W), H, W >= 1.
    sigma: float > 0. Kernel radius int(4 * sigma + 0.5); borders reflect (d c b a | a b c d).
    Returns an array (or nested list) of the same shape.
    """
    # Replace this placeholder with your implementation.
    return np.array(image, dtype=float)
