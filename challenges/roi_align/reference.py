"""Reference RoI Align (torchvision's rule), one roi at a time.

Bilinear sampling on a regular grid of points is separable: the average over a bin's
samples of the interpolated values equals Wy @ feature @ Wx^T, where row p of Wy sums the
two vertical interpolation weights of every sample row of bin p (and Wx likewise), so each
roi costs two small matrix products per channel.
"""
import math

import numpy as np


def axis_weights(start, extent, bins, grid, size):
    """(bins, size): row p holds the summed bilinear weights of bin p's samples on one axis."""
    weights = np.zeros((bins, size))
    bin_size = extent / bins
    for p in range(bins):
        for i in range(grid):
            v = start + p * bin_size + (i + 0.5) * bin_size / grid
            if v < -1.0 or v > size:
                continue  # off the map: this sample contributes 0
            v = max(v, 0.0)
            low = math.floor(v)
            if low >= size - 1:
                low = high = size - 1
                v = float(low)
            else:
                high = low + 1
            frac = v - low
            weights[p, low] += 1.0 - frac
            weights[p, high] += frac
    return weights


def roi_align(features, rois, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=False):
    features = np.asarray(features, dtype=np.float64)
    channels, height, width = features.shape
    ph, pw = (int(v) for v in output_size)
    offset = 0.5 if aligned else 0.0
    out = np.zeros((len(rois), channels, ph, pw))
    for k, (x1, y1, x2, y2) in enumerate(np.asarray(rois, dtype=np.float64).reshape(-1, 4)):
        sx, sy = x1 * spatial_scale - offset, y1 * spatial_scale - offset
        rw, rh = x2 * spatial_scale - offset - sx, y2 * spatial_scale - offset - sy
        if not aligned:
            rw, rh = max(rw, 1.0), max(rh, 1.0)
        gh = sampling_ratio if sampling_ratio > 0 else math.ceil(rh / ph)
        gw = sampling_ratio if sampling_ratio > 0 else math.ceil(rw / pw)
        if gh * gw <= 0:
            continue  # no samples: every bin is 0
        wy = axis_weights(sy, rh, ph, gh, height)
        wx = axis_weights(sx, rw, pw, gw, width)
        out[k] = (wy @ features @ wx.T) / (gh * gw)
    return out
