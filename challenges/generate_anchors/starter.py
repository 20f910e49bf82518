import numpy as np


def generate_anchors(feature_height, feature_width, stride, sizes, aspect_ratios):
    """Every anchor box of one feature map, as torchvision's AnchorGenerator makes them.

    feature_height, feature_width: the feature map's size H, W (ints >= 1).
    stride: pixels between neighbouring locations (int >= 1).
    sizes, aspect_ratios: tuples of positive numbers; a ratio is height / width.
    Returns an (H * W * A, 4) float64 array of (x1, y1, x2, y2) rows, A = len(sizes) *
    len(aspect_ratios): location by location (rows of the map first), the A anchors of a
    location together.
    """
    # Replace this placeholder with your implementation.
    count = feature_height * feature_width * len(sizes) * len(aspect_ratios)
    return np.zeros((count, 4))
