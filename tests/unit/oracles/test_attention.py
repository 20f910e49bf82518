"""The attention reference against torch.nn.functional.scaled_dot_product_attention with a
boolean mask, from a committed fixture of 600 cases (tests/fixtures/oracles/make_attention.py
made it; CI needs no torch). The fixture keeps 13 significant digits."""
import numpy as np

from tests.unit.oracles.loader import fixture_cases, reference


def test_reference_agrees_with_torch():
    attention = reference("attention")
    for case in fixture_cases("attention"):
        q, k, v = (np.asarray(case[name], dtype=np.float64) for name in "qkv")
        mask = None if case["mask"] is None else np.asarray(case["mask"], dtype=bool)
        got = attention(q, k, v, mask)
        assert got.shape == q.shape[:-1] + v.shape[-1:]
        np.testing.assert_allclose(got.ravel(), case["out"], rtol=1e-11, atol=1e-11)
