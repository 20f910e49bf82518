"""The batch_norm_train reference against torch.nn.functional.batch_norm (training mode),
from a committed fixture of 600 cases (tests/fixtures/oracles/make_batch_norm_train.py made
it; CI needs no torch). The fixture keeps 13 significant digits; a channel near 1000 rounds
its mean at ~1e-13, which moves y by up to ~2e-10 in either implementation."""
import numpy as np

from tests.unit.oracles.loader import fixture_cases, reference


def test_reference_agrees_with_torch():
    batch_norm_train = reference("batch_norm_train")
    for case in fixture_cases("batch_norm_train"):
        x = np.asarray(case["x"], dtype=np.float64).reshape(case["shape"])
        args = [np.asarray(case[k], dtype=np.float64)
                for k in ("gamma", "beta", "running_mean", "running_var")]
        before = [a.copy() for a in [x] + args]
        y, new_mean, new_var = batch_norm_train(x, *args, case["momentum"], case["eps"])
        for got, key in ((y, "y"), (new_mean, "new_mean"), (new_var, "new_var")):
            np.testing.assert_allclose(np.ravel(got), case[key], rtol=1e-9, atol=1e-9,
                                       err_msg=key)
        for original, now in zip(before, [x] + args):
            assert np.array_equal(original, now), "the reference changed an input"
