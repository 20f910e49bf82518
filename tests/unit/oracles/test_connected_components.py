"""connected_components' reference agrees with scipy.ndimage.label (which numbers components
in raster order of their first pixel) exactly, and with OpenCV's connectedComponents on the
partition into components (OpenCV's own numbering is not part of the comparison)."""
import cv2
import numpy as np
import pytest
from scipy import ndimage

from judge.catalogue import load_catalogue
from judge.strategies.masks import checkerboard, comb_mask, spiral_mask

CASES = 600
STRUCTURE = {4: ndimage.generate_binary_structure(2, 1), 8: np.ones((3, 3), dtype=bool)}


@pytest.fixture(scope="module")
def reference():
    return load_catalogue()["connected_components"].reference


def _mask(rng, case):
    kind = case % 10
    if kind == 0:
        return checkerboard(*(int(n) for n in rng.integers(1, 12, size=2)), int(case % 2))
    if kind == 1:
        return spiral_mask(int(rng.integers(1, 40)))
    if kind == 2:
        return comb_mask(int(rng.integers(1, 6)), int(rng.integers(1, 8)))
    height, width = (int(n) for n in rng.integers(1, 40, size=2))
    return (rng.random((height, width)) < rng.uniform(0.1, 0.9)).astype(np.int64)


def _raster_numbering(labels):
    """Renumber a labelling so its components count up in raster order of first pixel."""
    values, first = np.unique(labels.ravel(), return_index=True)
    in_order = values[np.argsort(first)]
    in_order = in_order[in_order > 0]
    renumber = np.zeros(int(labels.max()) + 1, dtype=np.int64)
    renumber[in_order] = np.arange(1, len(in_order) + 1)
    return renumber[labels]


def test_matches_scipy_and_opencv(reference):
    rng = np.random.default_rng(15)
    for case in range(CASES):
        mask = _mask(rng, case)
        connectivity = 4 if rng.random() < 0.5 else 8
        got = np.asarray(reference(mask, connectivity))
        expected, _ = ndimage.label(mask, structure=STRUCTURE[connectivity])
        assert (got == expected).all(), (case, connectivity)
        _, theirs = cv2.connectedComponents(mask.astype(np.uint8), connectivity=connectivity)
        assert (got == _raster_numbering(theirs)).all(), (case, connectivity)
