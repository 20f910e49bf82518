"""Treats every sample above row 0 or left of column 0 as off the map (0), instead of clamping those down to -1."""
# expect: wrong_answer
import numpy as np


def _axis(start, extent, bins, grid, size):
    """Sample coordinates along one axis: low and high indices, weights, in-map flags."""
    bin_size = extent / bins
    p = np.repeat(np.arange(bins), grid)
    i = np.tile(np.arange(grid), bins)
    v = start + p * bin_size + (i + 0.5) * bin_size / grid
    inside = (v >= 0.0) & (v <= size)
    v = np.maximum(v, 0.0)
    low = np.floor(v).astype(np.int64)
    top = low >= size - 1
    low = np.where(top, size - 1, low)
    high = np.where(top, size - 1, low + 1)
    v = np.where(top, low.astype(float), v)
    frac = v - low
    return low, high, frac, inside


def roi_align(features, rois, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=False):
    channels, height, width = features.shape
    ph, pw = output_size
    offset = 0.5 if aligned else 0.0
    out = np.zeros((len(rois), channels, ph, pw))
    for k, (x1, y1, x2, y2) in enumerate(rois):
        sx, sy = x1 * spatial_scale - offset, y1 * spatial_scale - offset
        rw, rh = x2 * spatial_scale - offset - sx, y2 * spatial_scale - offset - sy
        if not aligned:
            rw, rh = max(rw, 1.0), max(rh, 1.0)
        gh = sampling_ratio if sampling_ratio > 0 else int(np.ceil(rh / ph))
        gw = sampling_ratio if sampling_ratio > 0 else int(np.ceil(rw / pw))
        if gh <= 0 or gw <= 0:
            continue
        y0, y1_, fy, in_y = _axis(sy, rh, ph, gh, height)
        x0, x1_, fx, in_x = _axis(sx, rw, pw, gw, width)
        Y0, X0 = y0[:, None], x0[None, :]
        Y1, X1 = y1_[:, None], x1_[None, :]
        FY, FX = fy[:, None], fx[None, :]
        values = ((1 - FY) * (1 - FX) * features[:, Y0, X0] + (1 - FY) * FX * features[:, Y0, X1]
                  + FY * (1 - FX) * features[:, Y1, X0] + FY * FX * features[:, Y1, X1])
        values = values * (in_y[:, None] & in_x[None, :])
        out[k] = values.reshape(channels, ph, gh, pw, gw).mean(axis=(2, 4))
    return out
