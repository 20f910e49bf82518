"""The conv2d_backward reference against torch's autograd through F.conv2d, from a
committed fixture of 600 cases (tests/fixtures/oracles/make_conv2d_backward.py made it; CI
needs no torch). Values are quarters, so the gradients must agree exactly."""
import numpy as np

from tests.unit.oracles.loader import fixture_cases, reference


def test_reference_agrees_with_torch_autograd():
    conv2d_backward = reference("conv2d_backward")
    for case in fixture_cases("conv2d_backward"):
        x, weight, grad_output = (np.asarray(case[k], dtype=np.float64)
                                  for k in ("x", "weight", "grad_output"))
        grad_x, grad_weight = conv2d_backward(x, weight, grad_output, case["stride"],
                                              case["padding"])
        np.testing.assert_array_equal(grad_x, case["grad_x"])
        np.testing.assert_array_equal(grad_weight, case["grad_weight"])
