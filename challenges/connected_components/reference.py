"""Reference connected-component labelling: horizontal runs, then a vectorised union-find.

Foreground pixels that touch along a row form a run. Runs in neighbouring rows join when a
pixel of one touches a pixel of the other: straight up and down for 4-connectivity, also
diagonally for 8. Where two runs overlap, the overlap begins at the first pixel of one of
them, so only pixels that start a run (below or above) need to be paired.

The union-find is vectorised: each round hooks every root onto the smallest root it is
joined to, then flattens the trees by pointer jumping, until joined runs share a root.
Hooking only ever points to a smaller run, so a component's root is its first run in raster
order, and numbering the roots in order numbers the components by their first pixel.
"""
import numpy as np


def _runs(mask):
    """Run index of every pixel (meaningful on the foreground), run starts, number of runs."""
    starts = mask.copy()
    starts[:, 1:] &= ~mask[:, :-1]
    return np.cumsum(starts.ravel()).reshape(mask.shape) - 1, starts, int(starts.sum())


def _joined_runs(mask, run, starts, connectivity):
    """Run pairs (below, above) that touch across neighbouring rows, at least one per
    touching pair of runs."""
    width = mask.shape[1]
    below, above = [], []
    for shift in ((0,) if connectivity == 4 else (-1, 0, 1)):  # above-left, above, above-right
        low = (slice(1, None), slice(max(0, -shift), width - max(0, shift)))
        high = (slice(None, -1), slice(max(0, shift), width - max(0, -shift)))
        pair = mask[low] & mask[high] & (starts[low] | starts[high])
        below.append(run[low][pair])
        above.append(run[high][pair])
    return np.concatenate(below), np.concatenate(above)


def _roots(count, below, above):
    parent = np.arange(count)
    while True:
        a, b = parent[below], parent[above]
        apart = a != b
        if not apart.any():
            return parent
        below, above, a, b = below[apart], above[apart], a[apart], b[apart]
        np.minimum.at(parent, np.maximum(a, b), np.minimum(a, b))
        while True:
            grand = parent[parent]
            if np.array_equal(grand, parent):
                break
            parent = grand


def connected_components(mask, connectivity=4):
    mask = np.asarray(mask) != 0
    run, starts, count = _runs(mask)
    labels = np.zeros(mask.shape, dtype=np.int64)
    if count == 0:
        return labels
    parent = _roots(count, *_joined_runs(mask, run, starts, connectivity))
    numbers = np.cumsum(parent == np.arange(count))  # roots, counted in raster order
    labels[mask] = numbers[parent[run[mask]]]
    return labels
