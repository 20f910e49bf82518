"""hungarian_matching's reference against scipy.optimize.linear_sum_assignment, and its
comparator: any valid optimum passes, anything else gets a short, specific message."""
import math

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from judge.catalogue import CHALLENGES_DIR, load_challenge

CHALLENGE = load_challenge(CHALLENGES_DIR / "hungarian_matching")


def random_costs(rng: np.random.Generator) -> np.ndarray:
    """Shapes up to 9 x 9 (empty ones too), values whole, dyadic, decimal or from few levels."""
    rows, cols = (int(v) for v in rng.integers(0, 10, size=2))
    kind = rng.integers(0, 4)
    if kind == 0:
        values = rng.integers(-20, 21, size=(rows, cols))
    elif kind == 1:
        values = rng.integers(-160_000, 160_001, size=(rows, cols)) / 16
    elif kind == 2:
        values = rng.integers(-1_000_000, 1_000_001, size=(rows, cols)) / 100
    else:
        values = rng.choice([0.0, 1.0, 2.0], size=(rows, cols))
    return np.asarray(values, dtype=np.float64)


def test_reference_is_optimal_like_scipy_on_600_matrices():
    rng = np.random.default_rng(9)
    matrices = [random_costs(rng) for _ in range(560)]
    matrices += [np.outer(rng.integers(1, 101, n), rng.integers(1, 101, n)).astype(np.float64)
                 for n in (20, 40, 60, 80)] * 10
    for cost in matrices:
        pairs = CHALLENGE.reference(cost.copy())
        rows, cols = linear_sum_assignment(cost)
        optimum = math.fsum(cost[rows, cols])
        assert CHALLENGE.compare(pairs, pairs, (cost,)) is None  # valid
        assert len(pairs) == min(cost.shape)
        assert abs(math.fsum(cost[r, c] for r, c in pairs) - optimum) <= 1e-9 * (
            1 + math.fsum(np.abs(cost[rows, cols])))


COST = np.array([[4.0, 1.0, 3.0], [2.0, 0.0, 5.0], [3.0, 2.0, 2.0]])
OPTIMUM = [(0, 1), (1, 0), (2, 2)]


@pytest.mark.parametrize("got", [
    OPTIMUM, [(2, 2), (0, 1), (1, 0)], [[0, 1], [1, 0], [2, 2]], np.array(OPTIMUM),
    [(0.0, 1.0), (1, 0), (2, 2)], [np.array([0, 1]), (1, 0), (2, 2)]])
def test_any_form_of_an_optimal_assignment_passes(got):
    assert CHALLENGE.compare(OPTIMUM, got, (COST,)) is None


def test_another_optimum_passes():
    cost = np.array([[1.0, 1.0], [1.0, 1.0]])
    assert CHALLENGE.compare([(0, 0), (1, 1)], [(0, 1), (1, 0)], (cost,)) is None


@pytest.mark.parametrize("got, message", [
    ([(0, 1), (1, 0)], "expected 3 pairs (min(N, M)), got 2"),
    ([(0, 1), (1, 1), (2, 2)], "expected each column at most once, got column 1 twice"),
    ([(0, 1), (0, 0), (2, 2)], "expected each row at most once, got row 0 twice"),
    ([(0, 1), (1, 0), (3, 2)], "expected rows 0 to 2 (a 3 x 3 matrix), got row 3"),
    ([(0, 1), (1, 0), (2, -1)], "expected columns 0 to 2 (a 3 x 3 matrix), got column -1"),
    ([(1, 1), (0, 0), (2, 2)], "expected an assignment of total cost 5.0 (the optimum), got one costing 6.0"),
    ([(0, 1), (1, 0), (2, 2.5)], "expected (row, column) pairs of whole numbers, got (2, 2.5) at position 2"),
    ([(0, 1), (1, 0), (True, 2)], "got (True, 2) at position 2"),
    ([(0, 1), (1, 0), (2, 2, 2)], "got (2, 2, 2) at position 2"),
    ([(0, 1), (1, 0), "22"], "got '22' at position 2"),
    ((np.array([0, 1, 2]), np.array([1, 0, 2])), "got two sequences"),
    ("[(0, 1)]", "expected a list of (row, column) pairs, got '[(0, 1)]'"),
    (None, "expected a list of (row, column) pairs, got None"),
    (np.zeros((3, 3)), "expected a list of (row, column) pairs, got an array of shape (3, 3)"),
    ([(0, 1)] * 10 ** 5, "expected 3 pairs (min(N, M)), got 100000"),
])
def test_wrong_answers_get_specific_messages(got, message):
    found = CHALLENGE.compare(OPTIMUM, got, (COST,))
    assert found is not None and message in found and len(found) < 160, found


def test_empty_matrices_take_an_empty_list_or_array():
    for shape in ((0, 0), (0, 4), (4, 0)):
        cost = np.zeros(shape)
        for got in ([], (), np.zeros((0, 2)), np.zeros(0)):
            assert CHALLENGE.compare([], got, (cost,)) is None
        assert "expected 0 pairs" in CHALLENGE.compare([], [(0, 0)], (cost,))


def test_tolerance_is_relative_to_the_chosen_costs():
    cost = np.array([[1e4, 0.0], [0.0, 1e4 + 1e-6]])
    assert CHALLENGE.compare([(0, 1), (1, 0)], [(0, 1), (1, 0)], (cost,)) is None
    near = np.array([[5000.0, 5000.0 + 2e-6], [5000.0, 5000.0]])
    assert CHALLENGE.compare([(0, 0), (1, 1)], [(0, 1), (1, 0)], (near,)) is None  # 2e-6 < 1e-5
    far = np.array([[1.0, 1.0 + 1e-6], [1.0, 1.0]])
    assert "optimum" in CHALLENGE.compare([(0, 0), (1, 1)], [(0, 1), (1, 0)], (far,))
