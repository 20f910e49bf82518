import numpy as np
import pytest

from judge.compare import compare_array, compare_float, compare_indices


@pytest.mark.parametrize("got", [0.5, 0.5 + 1e-12, 0.5 * (1 + 9e-7), np.float64(0.5),
                                 np.array(0.5), 1 / 2])
def test_float_accepts_values_within_tolerance(got):
    assert compare_float(0.5, got) is None


@pytest.mark.parametrize("got", [0.5 * (1 + 3e-6), float("nan"), float("inf"), True, "0.5",
                                 [0.5], np.array([0.5]), None])
def test_float_rejects_wrong_values_and_types(got):
    assert compare_float(0.5, got) is not None


def test_float_absolute_tolerance_near_zero():
    assert compare_float(0.0, 5e-10) is None
    assert compare_float(0.0, 5e-9) is not None


@pytest.mark.parametrize("got", [[2, 0, 1], (2, 0, 1), np.array([2, 0, 1]), [2.0, 0.0, 1.0]])
def test_indices_accept_lists_and_arrays(got):
    assert compare_indices([2, 0, 1], got) is None


@pytest.mark.parametrize("got", [[0, 1, 2], [2, 0], [2, 0, 1, 1], [2.5, 0, 1], [True, 0, 1],
                                 np.array([[2, 0, 1]]), "201", None, [float("nan"), 0, 1],
                                 [float("inf"), 0, 1]])
def test_indices_are_exact_and_ordered(got):
    assert compare_indices([2, 0, 1], got) is not None


def test_indices_empty():
    assert compare_indices([], []) is None
    assert compare_indices([], np.zeros(0, dtype=np.int64)) is None


def test_array_accepts_lists_and_arrays_within_tolerance():
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert compare_array(expected, [[1, 2], [3, 4]]) is None
    assert compare_array(expected, expected * (1 + 5e-7)) is None


@pytest.mark.parametrize("got", [np.array([1.0, 2.0, 3.0, 4.0]), [[1, 2], [3, 4.1]],
                                 [[1, 2]], [[1, 2], [3]], np.array([[1, 2], [3, np.nan]]), 7.0])
def test_array_checks_shape_and_values(got):
    assert compare_array(np.array([[1.0, 2.0], [3.0, 4.0]]), got) is not None


def test_array_message_points_at_the_first_difference():
    message = compare_array(np.zeros((2, 3)), np.array([[0, 0, 0], [0, 9, 0]]))
    assert "(1, 1)" in message and "1 of 6" in message


def test_long_index_lists_point_at_the_first_difference():
    expected = list(range(100))
    got = expected[:40] + expected[41:]
    message = compare_indices(expected, got)
    assert "position 40" in message and "100 indices, got 99" in message and len(message) < 200
