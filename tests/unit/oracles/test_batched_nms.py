"""The batched_nms reference against OpenCV's cv2.dnn.NMSBoxesBatched on 800 random scenes.

OpenCV keeps classes apart by shifting boxes by class * (max coordinate + 1), computes IoUs
in float32 and treats two zero-area boxes as identical (IoU 1), so the scenes here stay where
both conventions must agree: non-negative whole-number boxes of positive area (every IoU that
is not exactly the threshold is then at least 1e-4 from it), float32-exact thresholds and
scores. Score ties are frequent; OpenCV, like the contract, visits them in index order.
"""
import cv2
import numpy as np

from judge.catalogue import CHALLENGES_DIR, load_challenge

reference = load_challenge(CHALLENGES_DIR / "batched_nms").reference
THRESHOLDS = (0.0, 0.25, 0.375, 0.5, 0.625, 0.75, 1.0)


def random_scene(rng):
    n = int(rng.integers(0, 13))
    corner = rng.integers(0, 12, (n, 2))
    boxes = np.hstack([corner, corner + rng.integers(1, 9, (n, 2))]).astype(np.float64)
    levels = rng.integers(1, 1025, 4) if rng.random() < 0.5 else rng.integers(1, 1025, n)
    scores = rng.choice(levels, n) / 1024 if n else np.zeros(0)
    classes = rng.integers(0, int(rng.integers(1, 4)), n).astype(np.int64)
    return boxes, scores, classes, float(rng.choice(THRESHOLDS))


def opencv(boxes, scores, classes, threshold):
    rects = [(x1, y1, x2 - x1, y2 - y1) for x1, y1, x2, y2 in boxes.tolist()]
    kept = cv2.dnn.NMSBoxesBatched(rects, scores.tolist(), classes.tolist(), 0.0, threshold)
    return [int(i) for i in np.asarray(kept).reshape(-1)]


def test_reference_matches_opencv_on_800_scenes():
    rng = np.random.default_rng(11)
    suppressed = 0
    for _ in range(800):
        scene = random_scene(rng)
        want = opencv(*scene)
        assert reference(*scene) == want, scene
        suppressed += len(scene[0]) - len(want)
    assert suppressed > 250  # the scenes really exercise suppression


def test_identical_boxes_in_two_classes_survive_in_both():
    scene = (np.array([[0.0, 0, 4, 4]] * 2), np.array([0.9, 0.8]), np.array([0, 1]), 0.5)
    assert reference(*scene) == opencv(*scene) == [0, 1]
