"""Loops over rois, bins and sample points; each sample reads its four neighbours for all
channels at once, from a (H, W, C) copy so that each read is one contiguous vector."""
import math

import numpy as np


def roi_align(features, rois, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=False):
    channels, height, width = features.shape
    ph_count, pw_count = output_size
    cells = np.ascontiguousarray(features.transpose(1, 2, 0))
    out = np.zeros((len(rois), channels, ph_count, pw_count))
    offset = 0.5 if aligned else 0.0
    for k in range(len(rois)):
        x1, y1, x2, y2 = rois[k].tolist()
        start_w, start_h = x1 * spatial_scale - offset, y1 * spatial_scale - offset
        roi_w = x2 * spatial_scale - offset - start_w
        roi_h = y2 * spatial_scale - offset - start_h
        if not aligned:
            roi_w, roi_h = max(roi_w, 1.0), max(roi_h, 1.0)
        bin_h, bin_w = roi_h / ph_count, roi_w / pw_count
        grid_h = sampling_ratio if sampling_ratio > 0 else math.ceil(roi_h / ph_count)
        grid_w = sampling_ratio if sampling_ratio > 0 else math.ceil(roi_w / pw_count)
        count = max(grid_h * grid_w, 1)
        for ph in range(ph_count):
            for pw in range(pw_count):
                total = np.zeros(channels)
                for iy in range(grid_h):
                    y = start_h + ph * bin_h + (iy + 0.5) * bin_h / grid_h
                    for ix in range(grid_w):
                        x = start_w + pw * bin_w + (ix + 0.5) * bin_w / grid_w
                        if y < -1.0 or y > height or x < -1.0 or x > width:
                            continue
                        yy, xx = max(y, 0.0), max(x, 0.0)
                        y_low, x_low = int(yy), int(xx)
                        if y_low >= height - 1:
                            y_low = y_high = height - 1
                            yy = float(y_low)
                        else:
                            y_high = y_low + 1
                        if x_low >= width - 1:
                            x_low = x_high = width - 1
                            xx = float(x_low)
                        else:
                            x_high = x_low + 1
                        ly, lx = yy - y_low, xx - x_low
                        hy, hx = 1.0 - ly, 1.0 - lx
                        total += (hy * hx * cells[y_low, x_low] + hy * lx * cells[y_low, x_high]
                                  + ly * hx * cells[y_high, x_low] + ly * lx * cells[y_high, x_high])
                out[k, :, ph, pw] = total / count
    return out
