"""Score lists with and without ties, for NMS-style and ranking challenges.

Knife-edges avoided: scores that are distinct but so close that a float32 or a different
but equivalent formula would reorder them. `distinct_scores` keeps every pair at least
1/1024 apart (exact dyadic values in (0, 1]); `tied_scores` draws from a few levels so ties
are exact and frequent, for the "ties by lower index" rule. `seeded_scores` gives many
exact scores from a seed, distinct or with ties, for timed properties.
"""
import numpy as np
from hypothesis import strategies as st

GRID = 1024  # distinct scores are k / GRID, 0 < k <= GRID


def distinct_scores(n: int):
    """n different scores k / 1024 in (0, 1], in random order (no ties)."""
    return st.lists(st.integers(1, GRID), min_size=n, max_size=n, unique=True).map(
        lambda ks: [k / GRID for k in ks])


def tied_scores(n: int, levels=(0.25, 0.5, 0.75, 0.9)):
    """n scores drawn from a few exact levels: most lists contain ties."""
    return st.lists(st.sampled_from(levels), min_size=n, max_size=n)


def scores(n: int):
    """Half the time distinct, half the time with ties."""
    return st.one_of(distinct_scores(n), tied_scores(n))


def seeded_scores(seed: int, n: int, grid: int = 2 ** 20, ties: bool = False) -> np.ndarray:
    """n scores k / grid in (0, 1] from a seed, as float64 (grid a power of two, so every
    score is exact and two different ones differ by at least 1 / grid).

    Without `ties` all n differ (n <= grid); with it they are drawn independently, so a
    small grid gives many exact ties, and an unstable sort of a large input misorders them.
    """
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, grid, size=n) if ties else rng.choice(grid, size=n, replace=False)
    return (picks + 1) / grid
