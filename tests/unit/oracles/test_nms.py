"""The nms reference against torchvision.ops.nms, from a committed fixture of 600 cases
(tests/fixtures/oracles/make_nms.py made it; CI needs no torch)."""
import gzip
import json
from pathlib import Path

import numpy as np

from tests.unit.oracles.loader import reference

FIXTURE = Path(__file__).parents[2] / "fixtures" / "oracles" / "nms.json.gz"


def test_reference_agrees_with_torchvision():
    nms = reference("nms")
    cases = json.loads(gzip.decompress(FIXTURE.read_bytes()))["cases"]
    assert len(cases) >= 500
    for case in cases:
        boxes = np.asarray(case["boxes"], dtype=np.float64).reshape(-1, 4)
        got = nms(boxes, np.asarray(case["scores"], dtype=np.float64), case["iou_threshold"])
        assert list(got) == case["kept"], case
