"""Hidden checks for `roi_align`.

Inputs come from judge/strategies/features.py: dyadic feature values, box coordinates that
are multiples of 1/16, spatial scales that are powers of two, and no sample point within
1e-6 of -1, H or W (where the value jumps between 0 and the interpolated one), as the
contract promises. Everywhere else the answer is continuous in the sample positions, so
correct formulations agree to ~1e-15.
"""
import numpy as np
from hypothesis import assume
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.features import (
    SCALES,
    feature_maps,
    rois,
    samples_clear_of_edges,
    seeded_case,
    sixteenths,
)

RATIOS = st.sampled_from([-1, 0, 1, 2, 3])
OUTPUTS = st.tuples(st.integers(1, 3), st.integers(1, 3))


@st.composite
def cases(draw, scales=st.just(1.0), ratios=RATIOS, aligned=st.booleans(), outputs=OUTPUTS,
          margin: float = 0.0, count=(1, 3), max_extent=None, min_extent: float = 0.0,
          features=None):
    """(features, rois, output_size, spatial_scale, sampling_ratio, aligned), edges clear."""
    fmap = draw(feature_maps() if features is None else features)
    _, height, width = fmap.shape
    scale = draw(scales)
    boxes = draw(rois(height, width, scale, count, margin, max_extent, min_extent))
    args = (fmap, boxes, draw(outputs), scale, draw(ratios), draw(aligned))
    assume(samples_clear_of_edges(height, width, *args[1:]))
    return args


@st.composite
def tiny_rois(draw):
    """Boxes under one feature cell wide or tall (after scaling)."""
    scale = draw(st.sampled_from([1.0, 0.5]))
    fmap = draw(feature_maps(max_side=6, min_side=2))
    _, height, width = fmap.shape
    boxes = draw(rois(height, width, scale, (1, 3), max_extent=0.75 / scale))
    args = (fmap, boxes, draw(OUTPUTS), scale, draw(RATIOS), draw(st.booleans()))
    assume(samples_clear_of_edges(height, width, *args[1:]))
    return args


@st.composite
def empty_bins(draw):
    """aligned=True boxes of zero width or height with an adaptive sampling ratio: bins with
    no samples at all, which are 0."""
    fmap = draw(feature_maps(min_side=2))
    _, height, width = fmap.shape
    x1 = draw(sixteenths(0, width - 1))
    y1 = draw(sixteenths(0, height - 1))
    w = draw(st.one_of(st.just(0.0), sixteenths(0, width - x1)))
    h = 0.0 if w else draw(sixteenths(0, height - y1))
    boxes = np.array([[x1, y1, x1 + w, y1 + h]])
    args = (fmap, boxes, draw(OUTPUTS), 1.0, draw(st.sampled_from([-1, 0])), True)
    assume(samples_clear_of_edges(height, width, *args[1:]))
    return args


def _f(rows):
    return np.array(rows, dtype=np.float64)


RAMP = np.arange(16, dtype=np.float64).reshape(1, 4, 4)  # value = 4 * y + x


def _large(seed):
    return seeded_case(seed, aligned=bool(seed % 2))


PROPERTIES = [
    Property(
        name="boxes_inside_the_map",
        description="Boxes inside a small feature map, fixed and adaptive sampling, with and "
                    "without aligned: bilinear interpolation averaged over each bin's samples.",
        strategy=cases(),
        weight=3,
        max_examples=70,
        explicit=((RAMP, _f([[0, 0, 2, 2]]), (1, 1), 1.0, 2, False),
                  (RAMP, _f([[0.5, 1, 3, 2.5]]), (2, 2), 1.0, 2, True)),
    ),
    Property(
        name="aligned_half_pixel_offset",
        description="aligned=True shifts every box by half a feature cell (-0.5) and drops the "
                    "minimum size; aligned=False does neither shift.",
        strategy=cases(min_extent=2.0),
        weight=2,
        max_examples=50,
        explicit=((RAMP, _f([[1, 1, 3, 3]]), (1, 1), 1.0, 1, True),
                  (RAMP, _f([[1, 1, 3, 3]]), (1, 1), 1.0, 1, False)),
    ),
    Property(
        name="tiny_boxes",
        description="Boxes less than a cell wide or tall: without aligned their width and height "
                    "are raised to 1 cell first, with aligned they are not.",
        strategy=tiny_rois(),
        weight=2,
        max_examples=50,
        explicit=((RAMP, _f([[1, 1, 1.25, 1.5]]), (1, 1), 1.0, 2, False),
                  (RAMP, _f([[1, 1, 1.25, 1.5]]), (1, 1), 1.0, 2, True)),
    ),
    Property(
        name="adaptive_sampling",
        description="sampling_ratio <= 0 (-1 or 0): ceil(box height / PH) by ceil(box width / PW) "
                    "samples per bin, including sizes that divide exactly.",
        strategy=cases(ratios=st.sampled_from([-1, 0]), outputs=st.tuples(
            st.integers(1, 4), st.integers(1, 4)), features=feature_maps(max_side=8)),
        weight=2,
        max_examples=60,
        explicit=((RAMP, _f([[0, 0, 3, 3]]), (1, 1), 1.0, -1, False),
                  (RAMP, _f([[0, 0, 2.5, 4]]), (2, 2), 1.0, 0, False),
                  (RAMP, _f([[0, 0, 4, 1]]), (1, 2), 1.0, -1, False)),
    ),
    Property(
        name="spatial_scale",
        description="Boxes in image coordinates on a map 2 to 16 times smaller: coordinates are "
                    "multiplied by spatial_scale.",
        strategy=cases(scales=st.sampled_from(SCALES[1:])),
        weight=2,
        max_examples=50,
        explicit=((RAMP, _f([[0, 0, 8, 8]]), (2, 2), 0.5, 1, False),),
    ),
    Property(
        name="samples_off_the_map",
        description="Boxes reaching past the map: a sample between -1 and 0 is clamped to the "
                    "first row or column, one past H - 1 (up to H) to the last, and one beyond "
                    "-1 or H contributes 0.",
        strategy=cases(margin=2.0, scales=st.sampled_from(SCALES[:3]), count=(1, 4)),
        weight=3,
        max_examples=80,
        explicit=((RAMP, _f([[-1.75, -1.75, 0.25, 0.25]]), (2, 2), 1.0, 1, False),
                  (RAMP, _f([[2.25, 2.25, 5.25, 5.25]]), (3, 3), 1.0, 1, False),
                  (RAMP, _f([[-0.5, 3.125, 2, 3.625]]), (1, 2), 1.0, 2, False)),
    ),
    Property(
        name="empty_bins",
        description="aligned=True boxes with zero width or height and adaptive sampling: bins "
                    "with no sample are 0, not NaN.",
        strategy=empty_bins(),
        weight=1,
        max_examples=40,
        explicit=((RAMP, _f([[1, 1, 1, 3]]), (2, 2), 1.0, -1, True),),
    ),
    Property(
        name="shapes_and_channels",
        description="Several channels, maps that are not square, output sizes with PH != PW, "
                    "and no boxes at all (K = 0).",
        strategy=cases(count=(0, 3), outputs=st.tuples(st.integers(1, 4), st.integers(1, 4)),
                       features=feature_maps(max_channels=4, max_side=7)),
        weight=2,
        max_examples=50,
        explicit=((RAMP, np.zeros((0, 4)), (2, 3), 1.0, -1, False),
                  (np.stack([RAMP[0], -RAMP[0].T]), _f([[0, 1, 3, 2]]), (1, 3), 1.0, 2, False)),
    ),
    Property(
        name="large_input_time",
        description="Features (64, 50, 50), 300 boxes, output 7 x 7 and sampling ratio 2, "
                    "within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(_large),
        weight=1,
        max_examples=1,  # one example: each answer is 7.5 MB to send back and compare
        size="features (64, 50, 50), 300 boxes, 7 x 7 output",
        time_limit_s=1.2,
    ),
]
