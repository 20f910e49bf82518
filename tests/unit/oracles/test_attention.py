"""The attention reference against torch.nn.functional.scaled_dot_product_attention with a
boolean mask, from a committed fixture of 600 cases (tests/fixtures/oracles/make_attention.py
made it; CI needs no torch). The fixture keeps 13 significant digits."""
import gzip
import json
from pathlib import Path

import numpy as np

from tests.unit.oracles.loader import reference

FIXTURE = Path(__file__).parents[2] / "fixtures" / "oracles" / "attention.json.gz"


def test_reference_agrees_with_torch():
    attention = reference("attention")
    cases = json.loads(gzip.decompress(FIXTURE.read_bytes()))["cases"]
    assert len(cases) >= 500
    for case in cases:
        q, k, v = (np.asarray(case[name], dtype=np.float64) for name in "qkv")
        mask = None if case["mask"] is None else np.asarray(case["mask"], dtype=bool)
        got = attention(q, k, v, mask)
        assert got.shape == q.shape[:-1] + v.shape[-1:]
        np.testing.assert_allclose(got.ravel(), case["out"], rtol=1e-11, atol=1e-11)
