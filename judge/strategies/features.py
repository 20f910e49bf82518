"""Feature maps and regions of interest for RoI pooling and RoI Align.

Feature values are dyadic (k / 4), box coordinates multiples of 1/16 and spatial scales
powers of two, so every box edge on the feature map is exact; sample positions are not
(a bin is 1/PW of a box), but bilinear interpolation is continuous, so rounding there moves
the answer by ulps only. The one discontinuity is where a sample leaves the map: RoI Align
returns 0 for a sample beyond -1 or beyond H (W) and the interpolated value just inside.

Knife-edges avoided (`samples_clear_of_edges`): any sample coordinate within 1e-6 of -1, H
or W (the contract promises 1e-9; the margin is wider than any float disagreement between
formulations, which is about 1e-12 here).
"""
import math

import numpy as np
from hypothesis import strategies as st

from judge.geometry import roi_grid, sample_positions
from judge.strategies.arrays import dyadic_arrays

EDGE_GAP = 1e-6
SCALES = (1.0, 0.5, 0.25, 0.125, 0.0625)


def samples_clear_of_edges(height, width, rois, output_size, spatial_scale, sampling_ratio,
                           aligned) -> bool:
    """No sample coordinate is within EDGE_GAP of -1 or of the map's far edge (H or W)."""
    for roi in rois:
        (sy, rh, gh), (sx, rw, gw) = roi_grid(roi, output_size, spatial_scale, sampling_ratio,
                                             aligned)
        for start, length, bins, grid, size in ((sy, rh, output_size[0], gh, height),
                                                (sx, rw, output_size[1], gw, width)):
            for v in sample_positions(start, length, bins, grid):
                if abs(v + 1) <= EDGE_GAP or abs(v - size) <= EDGE_GAP:
                    return False
    return True


def sixteenths(low: float, high: float):
    """Multiples of 1/16 in [low, high]."""
    return st.integers(math.ceil(low * 16), math.floor(high * 16)).map(lambda k: k / 16)


@st.composite
def feature_maps(draw, max_channels: int = 3, max_side: int = 6, min_side: int = 1):
    """A (C, H, W) float64 array of dyadic values k / 4 in [-8, 8]."""
    shape = (draw(st.integers(1, max_channels)), draw(st.integers(min_side, max_side)),
             draw(st.integers(min_side, max_side)))
    return draw(dyadic_arrays(shape, numerators=(-32, 32), denominator=4))


@st.composite
def rois(draw, height: int, width: int, spatial_scale: float, count=(0, 4), margin: float = 0.0,
         max_extent=None, min_extent: float = 0.0):
    """(K, 4) boxes in image coordinates, multiples of 1/16, with x1 <= x2 and y1 <= y2.

    Corners lie within the map's extent in image units, widened by `margin` feature cells
    on every side (so some samples fall off the map); extents are at most `max_extent`
    image units (default: the whole map).
    """
    k = draw(st.integers(*count))
    boxes = []
    for _ in range(k):
        box = []
        for size in (width, height):
            span = size / spatial_scale
            low, high = -margin / spatial_scale, span + margin / spatial_scale
            start = draw(sixteenths(low, high))
            longest = high - start if max_extent is None else min(max_extent, high - start)
            extent = draw(sixteenths(min(min_extent, longest), longest))
            box.append((start, start + extent))
        (x1, x2), (y1, y2) = box
        boxes.append((x1, y1, x2, y2))
    return np.array(boxes, dtype=np.float64).reshape(-1, 4)


def seeded_case(seed: int, channels: int = 64, side: int = 50, count: int = 300,
                output_size=(7, 7), spatial_scale: float = 1 / 16, sampling_ratio: int = 2,
                aligned: bool = False):
    """A large RoI Align input from a seed: features (C, side, side) of dyadic values and
    `count` boxes in image coordinates (multiples of 1/16), some reaching past the map."""
    rng = np.random.default_rng(seed)
    features = np.round(rng.uniform(-8, 8, size=(channels, side, side)) * 4) / 4
    span = side / spatial_scale
    while True:
        x1, y1 = (rng.integers(-32 * 16, int(span * 16), size=(2, count)) / 16)
        w, h = (rng.integers(16 * 16, int(span * 16 / 2), size=(2, count)) / 16)
        boxes = np.stack([x1, y1, x1 + w, y1 + h], axis=1)
        if samples_clear_of_edges(side, side, boxes, output_size, spatial_scale, sampling_ratio,
                                  aligned):
            return (features, boxes, tuple(output_size), spatial_scale, sampling_ratio, aligned)
        seed += 1
        rng = np.random.default_rng(seed)
