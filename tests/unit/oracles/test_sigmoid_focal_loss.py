"""The sigmoid_focal_loss reference against torchvision.ops.sigmoid_focal_loss, from a
committed fixture of 600 cases (tests/fixtures/oracles/make_sigmoid_focal_loss.py made it;
CI needs no torch)."""
import numpy as np

from tests.unit.oracles.loader import fixture_cases, reference


def test_reference_agrees_with_torchvision():
    sigmoid_focal_loss = reference("sigmoid_focal_loss")
    for case in fixture_cases("sigmoid_focal_loss"):
        got = sigmoid_focal_loss(np.asarray(case["logits"], dtype=np.float64),
                                 np.asarray(case["targets"], dtype=np.float64),
                                 case["alpha"], case["gamma"])
        assert np.isfinite(got)
        assert abs(got - case["loss"]) <= 1e-12 + 1e-10 * abs(case["loss"]), case
