"""Always interpolates between floor(y) and floor(y) + 1, without the clamp at the last row
and column, so a sample past H - 1 reads outside the array."""
# expect: runtime_error
import math

import numpy as np


def roi_align(features, rois, output_size, spatial_scale=1.0, sampling_ratio=-1, aligned=False):
    channels, height, width = features.shape
    ph_count, pw_count = output_size
    out = np.zeros((len(rois), channels, ph_count, pw_count))
    offset = 0.5 if aligned else 0.0
    for k, (x1, y1, x2, y2) in enumerate(rois.tolist()):
        sx, sy = x1 * spatial_scale - offset, y1 * spatial_scale - offset
        rw, rh = x2 * spatial_scale - offset - sx, y2 * spatial_scale - offset - sy
        if not aligned:
            rw, rh = max(rw, 1.0), max(rh, 1.0)
        gh = sampling_ratio if sampling_ratio > 0 else math.ceil(rh / ph_count)
        gw = sampling_ratio if sampling_ratio > 0 else math.ceil(rw / pw_count)
        for ph in range(ph_count):
            for pw in range(pw_count):
                total = np.zeros(channels)
                for iy in range(gh):
                    y = sy + ph * rh / ph_count + (iy + 0.5) * rh / ph_count / gh
                    for ix in range(gw):
                        x = sx + pw * rw / pw_count + (ix + 0.5) * rw / pw_count / gw
                        if y < -1 or y > height or x < -1 or x > width:
                            continue
                        y, x = max(y, 0.0), max(x, 0.0)
                        y0, x0 = int(y), int(x)
                        ly, lx = y - y0, x - x0
                        total += ((1 - ly) * (1 - lx) * features[:, y0, x0]
                                  + (1 - ly) * lx * features[:, y0, x0 + 1]
                                  + ly * (1 - lx) * features[:, y0 + 1, x0]
                                  + ly * lx * features[:, y0 + 1, x0 + 1])
                out[k, :, ph, pw] = total / max(gh * gw, 1)
    return out
