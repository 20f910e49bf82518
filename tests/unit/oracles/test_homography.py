"""homography's reference agrees with OpenCV's getPerspectiveTransform, judged by the
challenge's own comparator (H[2, 2] = 1, the same image of sixteen points of the src hull).

OpenCV takes float32 points, so the cases are generated as the challenge's are (with
coordinates of 64 and more) and then rounded to multiples of 1/64, which float32 holds
exactly: both solvers see the same points.
"""
import cv2
import numpy as np
import pytest

from judge.catalogue import load_catalogue
from judge.strategies.points import homography_pair

CASES = 600


@pytest.fixture(scope="module")
def challenge():
    return load_catalogue()["homography"]


def test_matches_opencv_get_perspective_transform(challenge):
    for case in range(CASES):
        span = (64.0, 100.0, 2000.0)[case % 3]
        src, dst = homography_pair(case, span, negative_w=case % 7 == 0, inner=case % 5 == 0)
        src, dst = np.round(src * 64) / 64, np.round(dst * 64) / 64
        theirs = cv2.getPerspectiveTransform(src.astype(np.float32), dst.astype(np.float32))
        mine = challenge.reference(src, dst)
        assert challenge.compare(theirs, mine, (src, dst)) is None, (case, src, dst)
