"""Too slow: after each component, searches the whole image again for the next unlabelled
foreground pixel and grows the component by whole-image dilations: O(pixels) work per
component and per step of its diameter."""
# expect: time_limit_exceeded
import numpy as np


def _grow(region, fg, connectivity):
    grown = region.copy()
    grown[1:] |= region[:-1]
    grown[:-1] |= region[1:]
    grown[:, 1:] |= region[:, :-1]
    grown[:, :-1] |= region[:, 1:]
    if connectivity == 8:
        grown[1:, 1:] |= region[:-1, :-1]
        grown[1:, :-1] |= region[:-1, 1:]
        grown[:-1, 1:] |= region[1:, :-1]
        grown[:-1, :-1] |= region[1:, 1:]
    return grown & fg


def connected_components(mask, connectivity=4):
    fg = mask != 0
    labels = np.zeros(mask.shape, dtype=np.int64)
    count = 0
    while True:
        todo = fg & (labels == 0)
        if not todo.any():
            return labels
        start = np.unravel_index(np.argmax(todo), mask.shape)
        region = np.zeros(mask.shape, dtype=bool)
        region[start] = True
        while True:
            grown = _grow(region, fg, connectivity)
            if np.array_equal(grown, region):
                break
            region = grown
        count += 1
        labels[region] = count
