"""Hidden checks for connected_components.

Labels are exact, so there are no numerical knife-edges; the hard cases are structural and
are built on purpose (judge.strategies.masks): pixels touching only at corners, U and comb
shapes whose arms a raster scan meets separately, components on opposite edges, long
winding components, empty and full masks. Each strategy yields (mask, connectivity).
"""
import numpy as np
from hypothesis import strategies as st

from judge.properties import Property
from judge.strategies.masks import (
    checkerboard,
    comb_mask,
    corridor_mask,
    diagonal_mask,
    masks,
    noise_mask,
    serpentine_mask,
    spiral_mask,
)

CONNECTIVITY = st.sampled_from([4, 8])


def _mask(rows):
    return np.array(rows, dtype=np.int64)


@st.composite
def _random(draw, connectivity, max_side=10):
    return (draw(masks(max_side)), connectivity)


@st.composite
def _corner_touching(draw):
    """Checkerboards, diagonals and anti-diagonals, or a random mask with an isolated
    diagonal step pasted in: 4- and 8-connectivity give different answers."""
    kind = draw(st.sampled_from(["checkerboard", "diagonal", "anti_diagonal", "pasted"]))
    rows, cols = draw(st.integers(1, 8)), draw(st.integers(1, 8))
    if kind == "checkerboard":
        mask = checkerboard(rows, cols, draw(st.integers(0, 1)))
    elif kind in ("diagonal", "anti_diagonal"):
        mask = diagonal_mask(max(rows, cols))[:rows, :cols]
        mask = mask[:, ::-1] if kind == "anti_diagonal" else mask
    else:
        mask = draw(masks(8, density=0.3))
        if min(mask.shape) >= 2:
            y = draw(st.integers(0, mask.shape[0] - 2))
            x = draw(st.integers(0, mask.shape[1] - 2))
            mask[y:y + 2, x:x + 2] = [[0, 1], [1, 0]] if draw(st.booleans()) else [[1, 0], [0, 1]]
    return (np.ascontiguousarray(mask), draw(CONNECTIVITY))


@st.composite
def _merging_shapes(draw):
    """Combs and U shapes (arms that only meet further down), mirrored or turned upside
    down, sometimes beside a separate blob that starts between the arms."""
    mask = comb_mask(draw(st.integers(2, 4)), draw(st.integers(2, 6)))
    if draw(st.booleans()):
        mask = mask[::-1]
    if draw(st.booleans()):
        mask = mask[:, ::-1]
    if draw(st.booleans()):  # a separate component to the right, starting lower down
        extra = np.zeros((mask.shape[0], 2), dtype=np.int64)
        extra[draw(st.integers(0, mask.shape[0] - 1)):, 1] = 1
        mask = np.hstack([mask, extra])
    return (np.ascontiguousarray(mask), draw(CONNECTIVITY))


@st.composite
def _opposite_edges(draw):
    """Components on the first and last row or column only, which must not wrap around."""
    rows, cols = draw(st.integers(2, 8)), draw(st.integers(2, 8))
    mask = np.zeros((rows, cols), dtype=np.int64)
    for edge in draw(st.lists(st.sampled_from(["top", "bottom", "left", "right"]), min_size=2,
                              max_size=4, unique=True)):
        line = draw(st.lists(st.integers(0, 1), min_size=max(rows, cols),
                             max_size=max(rows, cols)))
        if edge == "top":
            mask[0] = line[:cols]
        elif edge == "bottom":
            mask[-1] = line[:cols]
        elif edge == "left":
            mask[:, 0] = line[:rows]
        else:
            mask[:, -1] = line[:rows]
    return (mask, draw(CONNECTIVITY))


@st.composite
def _winding(draw):
    """Spirals and serpentines of 12,000 to 20,000 pixels: one component whose flood fill
    by recursion would nest deeper than the recursion limit (10,000 in the sandbox)."""
    if draw(st.booleans()):
        mask = spiral_mask(draw(st.sampled_from([161, 175, 189, 201])))
    else:
        side = draw(st.integers(160, 200))
        mask = serpentine_mask((side, side))
        if draw(st.booleans()):
            mask = np.ascontiguousarray(mask.T)
    return (mask, draw(CONNECTIVITY))


@st.composite
def _empty_full_thin(draw):
    """All background, all foreground, 1 x 1, 1 x n and n x 1 masks."""
    kind = draw(st.sampled_from(["zeros", "ones", "row", "column"]))
    rows, cols = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    if kind == "zeros":
        mask = np.zeros((rows, cols), dtype=np.int64)
    elif kind == "ones":
        mask = np.ones((rows, cols), dtype=np.int64)
    else:
        bits = draw(st.lists(st.integers(0, 1), min_size=cols, max_size=cols))
        mask = _mask([bits]) if kind == "row" else _mask([bits]).T.copy()
    return (mask, draw(CONNECTIVITY))


def _noisy_case(seed):
    """600 x 600 random pixels at density 0.45 with 4-connectivity: about 30,000 components."""
    return (noise_mask(seed, (600, 600), 0.45), 4)


WINDING_TIMED = (corridor_mask((600, 600), corridor=3, wall=1), 8)

U_SHAPE = _mask([[1, 0, 1, 0, 1],
                 [1, 0, 1, 0, 1],
                 [1, 1, 1, 0, 1]])
WORKED = _mask([[1, 1, 0, 0, 1],
                [0, 1, 0, 1, 1],
                [0, 0, 1, 0, 0],
                [1, 0, 0, 0, 1]])

PROPERTIES = [
    Property(
        name="random_masks_4_connected",
        description="Random masks up to 10 x 10 of every density with 4-connectivity.",
        strategy=_random(4),
        weight=3,
        max_examples=120,
        explicit=((WORKED, 4), (U_SHAPE, 4)),
    ),
    Property(
        name="random_masks_8_connected",
        description="Random masks up to 10 x 10 of every density with 8-connectivity.",
        strategy=_random(8),
        weight=3,
        max_examples=120,
        explicit=((WORKED, 8), (_mask([[0, 1], [1, 0]]), 8), (_mask([[1, 0], [0, 1]]), 8)),
    ),
    Property(
        name="corner_contacts",
        description="Pixels that touch only at a corner (checkerboards, diagonals in both "
                    "directions): separate with 4-connectivity, joined with 8.",
        strategy=_corner_touching(),
        weight=2,
        max_examples=80,
        explicit=((checkerboard(3, 4), 4), (checkerboard(3, 4), 8),
                  (_mask([[0, 0, 1], [0, 1, 0], [1, 0, 0]]), 8),
                  (_mask([[0, 1, 1], [1, 0, 0]]), 8)),
    ),
    Property(
        name="arms_that_merge",
        description="U and comb shapes whose arms a row-by-row scan meets as separate pieces "
                    "before they join, next to components that start lower down.",
        strategy=_merging_shapes(),
        weight=2,
        max_examples=60,
        explicit=((U_SHAPE, 4), (comb_mask(3, 4)[::-1].copy(), 8),
                  (_mask([[0, 1, 0, 1], [1, 1, 0, 1], [0, 0, 1, 1]]), 4)),
    ),
    Property(
        name="components_on_opposite_edges",
        description="Pixels on the first and last rows and columns, which are not neighbours "
                    "of each other.",
        strategy=_opposite_edges(),
        weight=2,
        max_examples=60,
        explicit=((_mask([[1, 0, 0, 1], [0, 0, 0, 0], [1, 0, 0, 1]]), 8),
                  (_mask([[1, 1, 1], [0, 0, 0], [0, 0, 0], [1, 1, 1]]), 4)),
    ),
    Property(
        name="long_winding_components",
        description="Spirals and serpentines 12,000 to 20,000 pixels long: deeper than a "
                    "recursive flood fill may go.",
        strategy=_winding(),
        weight=2,
        max_examples=6,
        explicit=((spiral_mask(161), 4), (serpentine_mask((160, 160)), 8)),
    ),
    Property(
        name="empty_full_and_thin",
        description="Masks with no foreground, only foreground, a single pixel, a single row "
                    "or a single column.",
        strategy=_empty_full_thin(),
        weight=1,
        max_examples=40,
        explicit=((_mask([[0]]), 4), (_mask([[1]]), 8), (np.zeros((3, 4), np.int64), 8),
                  (np.ones((2, 5), np.int64), 4), (_mask([[1, 0, 1, 1, 0, 1]]), 8)),
    ),
    Property(
        name="large_masks_time",
        description="A 600 x 600 random mask with tens of thousands of components and a "
                    "600 x 600 mask of winding corridors, each within the time limit.",
        strategy=st.integers(0, 2 ** 16).map(_noisy_case),
        weight=1,
        max_examples=1,
        explicit=(WINDING_TIMED,),
        size="a 600 x 600 mask",
        time_limit_s=1.0,
    ),
]
