"""The cross_entropy reference against torch.nn.functional.cross_entropy with label
smoothing, from a committed fixture of 600 cases (tests/fixtures/oracles/
make_cross_entropy.py made it; CI needs no torch)."""
import numpy as np

from tests.unit.oracles.loader import fixture_cases, reference


def test_reference_agrees_with_torch():
    cross_entropy = reference("cross_entropy")
    for case in fixture_cases("cross_entropy"):
        got = cross_entropy(np.asarray(case["logits"], dtype=np.float64),
                            np.asarray(case["targets"], dtype=np.int64),
                            case["label_smoothing"])
        assert np.isfinite(got)
        assert abs(got - case["loss"]) <= 1e-9 + 1e-9 * abs(case["loss"]), case
