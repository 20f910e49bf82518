"""roi_align's reference against torchvision.ops.roi_align (float64), from a fixture.

CI has no torch, so tests/fixtures/oracles/make_roi_align.py wrote torchvision's outputs for
600 inputs once; its docstring has the command. The hidden inputs' knife-edge guard is
checked here too: it must refuse a sample exactly on the map's far edge.
"""
import gzip
import json
from pathlib import Path

import numpy as np

from judge.catalogue import CHALLENGES_DIR, load_challenge
from judge.strategies.features import samples_clear_of_edges, seeded_case

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "oracles" / "roi_align.json.gz"
REFERENCE = load_challenge(CHALLENGES_DIR / "roi_align").reference


def test_reference_matches_torchvision_on_every_fixture_case():
    cases = json.loads(gzip.decompress(FIXTURE.read_bytes()))["cases"]
    assert len(cases) >= 500
    assert sum(1 for case in cases if case["args"][4] <= 0 and case["args"][5]) > 50
    on_edges = 0
    for case in cases:
        features, rois, size, scale, ratio, aligned = case["args"]
        got = REFERENCE(np.array(features), np.array(rois).reshape(-1, 4), tuple(size), scale,
                        ratio, aligned)
        want = np.array(case["output"]).reshape(got.shape)
        assert np.allclose(got, want, rtol=1e-12, atol=1e-12), case["args"]
        height, width = len(features[0]), len(features[0][0])
        on_edges += not samples_clear_of_edges(height, width, np.array(rois).reshape(-1, 4),
                                               tuple(size), scale, ratio, aligned)
    assert on_edges >= 10  # the knife-edges the hidden tests avoid are in the fixture


def test_edge_guard_refuses_a_sample_on_the_far_edge_and_accepts_one_inside():
    # 4 x 4 map, one bin with one sample at the box centre: 4.0 is exactly H, 3.5 is inside.
    assert not samples_clear_of_edges(4, 4, [[3, 3, 5, 5]], (1, 1), 1.0, 1, False)
    assert not samples_clear_of_edges(4, 4, [[-2, 0, 0, 2]], (1, 1), 1.0, 1, False)  # x = -1
    assert samples_clear_of_edges(4, 4, [[2.5, 2.5, 4.5, 4.5]], (1, 1), 1.0, 1, False)


def test_timed_case_has_the_promised_shape():
    features, rois, size, scale, ratio, aligned = seeded_case(3)
    assert features.shape == (64, 50, 50) and rois.shape == (300, 4)
    assert size == (7, 7) and ratio == 2 and scale == 1 / 16
    assert (rois * 16 == np.round(rois * 16)).all()
