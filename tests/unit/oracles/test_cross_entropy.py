"""The cross_entropy reference against torch.nn.functional.cross_entropy with label
smoothing, from a committed fixture of 600 cases (tests/fixtures/oracles/
make_cross_entropy.py made it; CI needs no torch)."""
import gzip
import json
from pathlib import Path

import numpy as np

from tests.unit.oracles.loader import reference

FIXTURE = Path(__file__).parents[2] / "fixtures" / "oracles" / "cross_entropy.json.gz"


def test_reference_agrees_with_torch():
    cross_entropy = reference("cross_entropy")
    cases = json.loads(gzip.decompress(FIXTURE.read_bytes()))["cases"]
    assert len(cases) >= 500
    for case in cases:
        got = cross_entropy(np.asarray(case["logits"], dtype=np.float64),
                            np.asarray(case["targets"], dtype=np.int64),
                            case["label_smoothing"])
        assert np.isfinite(got)
        assert abs(got - case["loss"]) <= 1e-9 + 1e-9 * abs(case["loss"]), case
