"""Binary masks: small random ones for shrinking, and large structured ones for timing.

Knife-edges: none in the values (masks are exact); the hard cases are structural, so the
generators aim at them: components that touch only at a corner (4- vs 8-connectivity),
single pixels, masks full or empty, and long winding shapes that defeat naive recursion.
"""
import numpy as np
from hypothesis import strategies as st


@st.composite
def masks(draw, max_side: int = 8, density=None):
    """An int64 (H, W) array of 0/1, sides 1..max_side; `density` fixes P(pixel = 1)."""
    rows = draw(st.integers(1, max_side))
    cols = draw(st.integers(1, max_side))
    p = draw(st.sampled_from([0.2, 0.5, 0.8])) if density is None else density
    bits = draw(st.lists(st.floats(0, 1, exclude_max=True), min_size=rows * cols,
                         max_size=rows * cols))
    return (np.array(bits).reshape(rows, cols) < p).astype(np.int64)


def diagonal_mask(n: int) -> np.ndarray:
    """Pixels on the diagonal only: n components with 4-connectivity, one with 8."""
    return np.eye(n, dtype=np.int64)


def noise_mask(seed: int, shape=(600, 600), density: float = 0.45) -> np.ndarray:
    """Random pixels: tens of thousands of small components."""
    return (np.random.default_rng(seed).random(shape) < density).astype(np.int64)


def serpentine_mask(shape=(600, 600), wall: int = 1) -> np.ndarray:
    """One long snake: rows of foreground joined alternately at the right and left ends.

    A depth-first flood fill that recurses per pixel overflows Python's stack on it.
    """
    rows, cols = shape
    mask = np.zeros(shape, dtype=np.int64)
    for r in range(0, rows, 2 * wall):
        mask[r:r + wall, :] = 1
        link = r + wall
        if link < rows:
            col = cols - 1 if (r // (2 * wall)) % 2 == 0 else 0
            mask[link:link + wall, col] = 1
    return mask


def checkerboard(rows: int, cols: int, phase: int = 0) -> np.ndarray:
    """Every foreground pixel touches the next only at corners: rows * cols / 2 components
    with 4-connectivity, one (when both sides exceed 1) with 8."""
    i, j = np.indices((rows, cols))
    return ((i + j + phase) % 2 == 0).astype(np.int64)


def comb_mask(teeth: int, length: int, spine_row: int | None = None) -> np.ndarray:
    """Vertical teeth one pixel apart, joined by a horizontal spine at `spine_row` (the
    bottom by default): each tooth starts its own provisional label in a raster scan and all
    of them must merge into one component when the spine is reached."""
    mask = np.zeros((length, 2 * teeth - 1), dtype=np.int64)
    mask[:, ::2] = 1
    mask[length - 1 if spine_row is None else spine_row, :] = 1
    return mask


def spiral_mask(side: int) -> np.ndarray:
    """A clockwise spiral from the top-left corner inwards, one pixel wide with one-pixel gaps
    between its arms (an even side ends in a thicker centre): one long component under both
    connectivities, which a raster scan first sees as many separate pieces."""
    rows = cols = side
    mask = np.zeros((side, side), dtype=np.int64)

    def free(y, x):
        return 0 <= y < rows and 0 <= x < cols and not mask[y, x]

    y, x, dy, dx = 0, 0, 0, 1
    mask[0, 0] = 1
    while True:
        for _ in range(2):  # straight on, else turn right; keep a gap to earlier arms
            ahead, beyond = (y + dy, x + dx), (y + 2 * dy, x + 2 * dx)
            if free(*ahead) and (free(*beyond) or not (0 <= beyond[0] < rows
                                                     and 0 <= beyond[1] < cols)):
                y, x = ahead
                mask[y, x] = 1
                break
            dy, dx = dx, -dy
        else:
            return mask


def corridor_mask(shape=(600, 600), corridor: int = 3, wall: int = 1) -> np.ndarray:
    """Mostly foreground: horizontal corridors `corridor` rows high, separated by walls with
    one opening, alternately at the right and the left end: one long winding component
    covering about corridor / (corridor + wall) of the pixels, so per-pixel work is large."""
    rows, cols = shape
    mask = np.ones(shape, dtype=np.int64)
    for k, row in enumerate(range(corridor, rows, corridor + wall)):
        mask[row:row + wall, :] = 0
        if k % 2 == 0:
            mask[row:row + wall, cols - corridor:] = 1
        else:
            mask[row:row + wall, :corridor] = 1
    return mask
