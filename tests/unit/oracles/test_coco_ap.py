"""coco_ap's reference against pycocotools' COCOeval (stats[0], AP@[.50:.95], all areas, 100
detections per image), on 600 generated scenes.

pycocotools and the contract agree wherever these scenes keep them: integer boxes with
positive area (pycocotools turns them into (x, y, w, h) and would divide 0 by 0 for a
zero-area pair), distinct scores (pycocotools breaks score ties between images by image id,
the contract by input order), no two candidate ground truths with equal IoUs (pycocotools
gives ties to the later one, the contract to the earlier), no IoU on a threshold other than
0.50 and an allowed ground-truth count per class (pycocotools samples numpy.linspace grids),
and every ground truth with iscrowd = 0 and its true area. The last two cases of the
pycocotools conventions are checked to differ, so the test would notice a reference that
copied them.
"""
import contextlib
import io
import random
from collections import Counter

import pytest
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

from judge.catalogue import CHALLENGES_DIR, load_challenge
from judge.geometry import exact_iou
from judge.strategies.scenes import allowed_gt_count, coco_unambiguous

REFERENCE = load_challenge(CHALLENGES_DIR / "coco_ap").reference


def pycocotools_ap(detections, ground_truths) -> float:
    images = sorted({d[0] for d in detections} | {g[0] for g in ground_truths})
    classes = sorted({d[1] for d in detections} | {g[1] for g in ground_truths})
    dataset = {"images": [{"id": i} for i in images],
               "categories": [{"id": c} for c in classes],
               "annotations": [{"id": k + 1, "image_id": g[0], "category_id": g[1],
                                "iscrowd": 0, "area": (g[4] - g[2]) * (g[5] - g[3]),
                                "bbox": [g[2], g[3], g[4] - g[2], g[5] - g[3]]}
                               for k, g in enumerate(ground_truths)]}
    results = [{"image_id": d[0], "category_id": d[1], "score": d[2],
                "bbox": [d[3], d[4], d[5] - d[3], d[6] - d[4]]} for d in detections]
    if not results:  # loadRes refuses an empty list; every class then has AP 0
        return 0.0
    with contextlib.redirect_stdout(io.StringIO()):
        truth = COCO()
        truth.dataset = dataset
        truth.createIndex()
        evaluation = COCOeval(truth, truth.loadRes(results), "bbox")
        evaluation.evaluate()
        evaluation.accumulate()
        evaluation.summarize()
    return max(0.0, float(evaluation.stats[0]))  # -1 when no class has ground truths


def box(rng, span=60):
    x, y = rng.randint(0, span), rng.randint(0, span)
    return (x, y, x + rng.randint(3, 30), y + rng.randint(3, 30))


def no_equal_candidates(detections, ground_truths) -> bool:
    for image, cls, _score, *det in detections:
        values = [exact_iou(tuple(det), tuple(g[2:])) for g in ground_truths
                  if g[:2] == (image, cls)]
        positive = [v for v in values if v > 0]
        if len(positive) != len(set(positive)):
            return False
    return True


def scene(rng: random.Random):
    """A few images and classes, jittered copies of objects, strays; distinct scores."""
    ground_truths = []
    for cls in range(rng.randint(1, 3)):
        for _ in range(allowed_gt_count(rng.randint(1, 12))):
            ground_truths.append((rng.randint(0, 3), cls) + box(rng))
    detections = []
    for image, cls, *gt in ground_truths:
        for _ in range(rng.randint(0, 3)):
            moved = [v + rng.randint(-4, 4) for v in gt]
            if moved[2] > moved[0] and moved[3] > moved[1]:
                detections.append((image, cls, None, *moved))
    for _ in range(rng.randint(0, 4)):
        detections.append((rng.randint(0, 3), rng.randint(0, 3), None) + box(rng))
    if rng.random() < 0.1:  # one crowded image: more than 100 detections of class 0
        detections += [(0, 0, None) + box(rng, 200) for _ in range(rng.randint(95, 140))]
    scores = rng.sample(range(1, 10 ** 6), len(detections))
    detections = [d[:2] + (s / 10 ** 6,) + d[3:] for d, s in zip(detections, scores)]
    rng.shuffle(detections)
    return detections, ground_truths


def test_reference_matches_pycocotools_on_600_scenes():
    rng = random.Random(21)
    compared = 0
    while compared < 600:
        detections, ground_truths = scene(rng)
        if not (coco_unambiguous(detections, ground_truths)
                and no_equal_candidates(detections, ground_truths)):
            continue
        counts = Counter(g[1] for g in ground_truths)
        assert all(n % 2 and n % 5 for n in counts.values())
        assert REFERENCE(detections, ground_truths) == pytest.approx(
            pycocotools_ap(detections, ground_truths), abs=1e-12)
        compared += 1


SQUARE = (0, 0, 10, 10)


def test_where_pycocotools_conventions_differ_the_reference_follows_the_contract():
    # Equal scores in two images: input order (the hit first) gives AP 1; image order 0.5.
    tied = [(1, 0, 0.5) + SQUARE, (0, 0, 0.5) + SQUARE], [(1, 0) + SQUARE]
    assert REFERENCE(*tied) == 1.0
    assert pycocotools_ap(*tied) == pytest.approx(0.5)
    # Equal IoUs (5/6) with objects 0 and 1: the contract gives object 0 to the first
    # detection, so the second hits object 1 at IoU 0.5625; pycocotools gives it object 1,
    # and the second hits object 0 at IoU 0.786: a different AP.
    equal = ([(0, 0, 0.9) + SQUARE, (0, 0, 0.8, 0, 1, 10, 14)],
             [(0, 0, 0, 0, 10, 12), (0, 0, 0, -2, 10, 10), (0, 0, 50, 50, 60, 60)])
    assert coco_unambiguous(*equal)
    assert REFERENCE(*equal) != pytest.approx(pycocotools_ap(*equal))
