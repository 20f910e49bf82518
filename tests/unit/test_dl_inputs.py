"""The hidden inputs of the deep-learning challenges stay inside their contracts (issue 16):
every explicit and drawn example of every property, for one seed, meets the bounds the
statement promises, so a correct solution is never judged on an input it was told to
expect never."""
import numpy as np
import pytest

from judge.catalogue import load_catalogue
from judge.plans import draw_examples
from judge.strategies.clusters import lloyd_is_clear

CATALOGUE = load_catalogue()


def _cross_entropy(logits, targets, smoothing):
    assert logits.dtype == np.float64 and logits.ndim == 2 and min(logits.shape) >= 1
    assert np.abs(logits).max() <= 1e4
    assert targets.dtype == np.int64 and targets.shape == logits.shape[:1]
    assert ((0 <= targets) & (targets < logits.shape[1])).all()
    assert type(smoothing) is float and 0 <= smoothing <= 1


def _batch_norm_train(x, gamma, beta, running_mean, running_var, momentum, eps):
    n, c, h, w = x.shape
    assert n * h * w >= 2 and np.abs(x).max() <= 1000
    for array in (gamma, beta, running_mean, running_var):
        assert array.dtype == np.float64 and array.shape == (c,)
    assert np.abs(gamma).max() <= 10 and np.abs(beta).max() <= 10
    assert type(momentum) is float and 0 <= momentum <= 1
    assert type(eps) is float and eps >= 1e-5


def _conv2d_backward(x, weight, grad_output, stride, padding):
    n, c, h, w = x.shape
    k, c2, kh, kw = weight.shape
    assert min(n, c, k, h, w, kh, kw) >= 1 and c2 == c
    assert type(stride) is int and stride >= 1 and type(padding) is int and padding >= 0
    assert kh <= h + 2 * padding and kw <= w + 2 * padding
    out = ((h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1)
    assert grad_output.shape == (n, k) + out


def _sigmoid_focal_loss(logits, targets, alpha, gamma):
    assert logits.shape == targets.shape and logits.ndim >= 1 and logits.size >= 1
    assert np.abs(logits).max() <= 100 and set(np.unique(targets)) <= {0.0, 1.0}
    assert type(alpha) is float and (0 <= alpha <= 1 or alpha == -1.0)
    assert type(gamma) is float and gamma >= 0


def _attention(q, k, v, mask):
    assert q.shape[:-2] == k.shape[:-2] == v.shape[:-2] and k.shape[-2] == v.shape[-2]
    assert q.shape[-1] == k.shape[-1] and min(q.shape + k.shape + v.shape) >= 1
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    assert np.abs(scores).max() <= 2e4 and np.abs(v).max() <= 10
    if mask is not None:
        assert mask.dtype == bool and mask.shape == (q.shape[-2], k.shape[-2])
        assert mask.any(axis=1).all()


def _kmeans(points, centroids, iterations):
    assert points.ndim == 2 and centroids.ndim == 2 and points.shape[1] == centroids.shape[1]
    assert min(points.shape + centroids.shape) >= 1
    assert type(iterations) is int and iterations >= 1
    assert lloyd_is_clear(points, centroids, iterations)[0]


CONTRACTS = {"cross_entropy": _cross_entropy, "batch_norm_train": _batch_norm_train,
             "conv2d_backward": _conv2d_backward, "sigmoid_focal_loss": _sigmoid_focal_loss,
             "attention": _attention, "kmeans": _kmeans}


@pytest.mark.parametrize("challenge_id", sorted(CONTRACTS))
def test_every_hidden_input_is_inside_the_contract(challenge_id):
    challenge = CATALOGUE[challenge_id]
    for prop in challenge.properties:
        for args, _ in draw_examples(prop, seed=0):
            try:
                CONTRACTS[challenge_id](*args)
            except AssertionError as exc:
                raise AssertionError(f"{prop.name}: {exc}") from None


@pytest.mark.parametrize("challenge_id", sorted(CONTRACTS))
def test_visible_examples_are_inside_the_contract(challenge_id):
    for example in CATALOGUE[challenge_id].examples:
        CONTRACTS[challenge_id](*example.args)
