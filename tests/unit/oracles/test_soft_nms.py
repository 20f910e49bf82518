"""The soft_nms reference against OpenCV's cv2.dnn.softNMSBoxes (Gaussian) on 700 scenes.

OpenCV works in float32 with integer rectangles, so the scenes use whole-number boxes,
float32-exact scores, sigmas and thresholds, and keep every decision clear by 1e-4 (the
challenge's own knife-edge check with a wider margin); scores then agree within 1e-5.
"""
import importlib.util

import cv2
import numpy as np

from judge.catalogue import CHALLENGES_DIR, load_challenge

FOLDER = CHALLENGES_DIR / "soft_nms"
reference = load_challenge(FOLDER).reference
_spec = importlib.util.spec_from_file_location("soft_nms_properties", FOLDER / "properties.py")
properties = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(properties)

SIGMAS = (0.5, 0.25, 1.0, 2.0)
THRESHOLDS = (1 / 1024, 1 / 64, 0.125, 0.25)


def random_scene(rng):
    n = int(rng.integers(0, 11))
    corner = rng.integers(0, 15, (n, 2))
    boxes = np.hstack([corner, corner + rng.integers(1, 10, (n, 2))]).astype(np.float64)
    levels = rng.integers(1, 1025, 3) if rng.random() < 0.3 else rng.integers(1, 1025, n)
    scores = rng.choice(levels, n) / 1024 if n else np.zeros(0)
    return boxes, scores, float(rng.choice(SIGMAS)), float(rng.choice(THRESHOLDS))


def opencv(boxes, scores, sigma, threshold):
    rects = [(int(x1), int(y1), int(x2 - x1), int(y2 - y1)) for x1, y1, x2, y2 in boxes]
    kept_scores, indices = cv2.dnn.softNMSBoxes(rects, scores.tolist(), threshold, 0.5, 0,
                                                sigma, cv2.dnn.SOFT_NMSMETHOD_SOFTNMS_GAUSSIAN)
    return list(zip(np.asarray(indices).reshape(-1).tolist(),
                    np.asarray(kept_scores).reshape(-1).tolist()))


def test_reference_matches_opencv_on_700_scenes():
    rng = np.random.default_rng(3)
    compared = reordered = 0
    while compared < 700:
        scene = random_scene(rng)
        if not properties.unambiguous(*scene, gap=1e-4):
            continue
        got, want = reference(*scene), opencv(*scene)
        assert [i for i, _ in got] == [i for i, _ in want], scene
        np.testing.assert_allclose([s for _, s in got], [s for _, s in want], rtol=1e-5,
                                   atol=1e-7)
        compared += 1
        reordered += [i for i, _ in got] != sorted(range(len(scene[1])),
                                                   key=lambda i: -scene[1][i])[:len(got)]
    assert reordered > 50  # decays really change the order, not only the scores
