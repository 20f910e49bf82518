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
