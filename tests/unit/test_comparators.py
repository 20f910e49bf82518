"""Comparators: tolerances, exactness, shapes, messages in Python's terms, hostile answers."""
import math

import numpy as np
import pytest

from judge.comparators import ComparatorError, build


class OddEquality:
    """An object whose comparisons lie: a comparator must never trust them."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __float__(self):
        raise RuntimeError("no float for you")

    def __len__(self):
        return 2


HOSTILE = [None, "0.5", b"x", {"a": 1}, OddEquality(), [OddEquality()], [[[[]]]], True,
           float("nan"), [float("nan")], 10 ** 400, [1] * 200_000]

FLOAT = build({"kind": "float"})
ARRAY = build({"kind": "array", "rtol": 1e-6, "atol": 1e-9})
INTS = build({"kind": "int_array"})
INDICES = build({"kind": "indices"})
PAIRS = build({"kind": "pairs"})
TRIPLE = build({"kind": "tuple", "items": [{"kind": "array"}, {"kind": "array"},
                                           {"kind": "float"}], "names": ["y", "mean", "loss"]})


# ----- float ---------------------------------------------------------------------------------

@pytest.mark.parametrize("got", [0.5, 0.5 + 1e-12, 0.5 * (1 + 9e-7), np.float64(0.5),
                                 np.array(0.5), 1 / 2, np.int64(1) / 2])
def test_float_accepts_values_within_tolerance(got):
    assert FLOAT(0.5, got) is None


@pytest.mark.parametrize("got", [0.5 * (1 + 3e-6), float("nan"), float("inf"), True, "0.5",
                                 [0.5], np.array([0.5]), None, np.bool_(True)])
def test_float_rejects_wrong_values_and_types(got):
    assert FLOAT(0.5, got) is not None


def test_float_tolerances_come_from_the_table():
    assert FLOAT(0.0, 5e-10) is None and FLOAT(0.0, 5e-9) is not None
    loose = build({"kind": "float", "atol": 1e-7, "rtol": 0})
    assert loose(0.0, 5e-8) is None and loose(1.0, 1.0 + 2e-7) is not None
    assert FLOAT(float("inf"), float("inf")) is None and FLOAT(float("inf"), 1e308) is not None


def test_float_messages_are_python_values():
    assert FLOAT(1.0, np.float64(5.0)) == "expected 1.0, got 5.0"
    assert FLOAT(1.0, None) == "expected a number such as 1.0, got None"
    assert "np." not in FLOAT(1.0, np.array([1.0, 2.0]))


# ----- arrays --------------------------------------------------------------------------------

def test_array_accepts_lists_and_arrays_within_tolerance():
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert ARRAY(expected, [[1, 2], [3, 4]]) is None
    assert ARRAY(expected, expected * (1 + 5e-7)) is None
    assert ARRAY(expected, expected.astype(np.float32)) is None


@pytest.mark.parametrize("got", [np.array([1.0, 2.0, 3.0, 4.0]), [[1, 2], [3, 4.1]],
                                 [[1, 2]], [[1, 2], [3]], np.array([[1, 2], [3, np.nan]]), 7.0])
def test_array_checks_shape_and_values(got):
    assert ARRAY(np.array([[1.0, 2.0], [3.0, 4.0]]), got) is not None


def test_array_infinities_only_match_themselves():
    expected = np.array([[-np.inf, 2.0], [np.inf, 0.0]])
    assert ARRAY(expected, [[-np.inf, 2.0], [np.inf, 0.0]]) is None
    assert ARRAY(expected, [[-1e9, 2.0], [np.inf, 0.0]]) is not None
    assert ARRAY(expected, [[-np.inf, 2.0], [np.inf, np.inf]]) is not None
    assert ARRAY(expected, [[np.inf, 2.0], [np.inf, 0.0]]) is not None


def test_array_message_points_at_the_first_difference_in_python_terms():
    message = ARRAY(np.zeros((2, 3)), np.array([[0, 0, 0], [0, 9, 0]]))
    assert message == "1 of 6 values differ; first at index (1, 1): expected 0.0, got 9.0"


def test_empty_list_stands_for_an_empty_first_dimension():
    assert ARRAY(np.zeros((0, 4)), []) is None
    assert ARRAY(np.zeros((0, 4)), np.zeros((0, 4))) is None
    assert ARRAY(np.zeros((0, 4)), [[1, 2, 3, 4]]) is not None
    assert ARRAY(np.zeros((2,)), []) is not None


def test_atol_can_scale_with_an_argument():
    scaled = build({"kind": "array", "rtol": 1e-6, "atol": 1e-9, "atol_scale": "image"},
                   params=("image",))
    image = np.array([[1e6, 0.0]])
    assert scaled(np.array([[0.0, 0.0]]), [[5e-4, 0.0]], (image,)) is None
    assert ARRAY(np.array([[0.0, 0.0]]), [[5e-4, 0.0]], (image,)) is not None
    with pytest.raises(ComparatorError, match="atol_scale names 'img'"):
        build({"kind": "array", "atol_scale": "img"}, params=("image",))


def test_int_array_is_exact_and_accepts_whole_floats():
    expected = np.array([[0, 1], [1, 2]])
    assert INTS(expected, [[0, 1], [1, 2]]) is None
    assert INTS(expected, np.array([[0.0, 1.0], [1.0, 2.0]])) is None
    assert INTS(expected, [[0, 1], [2, 2]]) == ("1 of 4 values differ; first at index (1, 0): "
                                                "expected 1, got 2.0")
    assert "whole numbers" in INTS(expected, [[0, 1], [1, 2.5]])
    assert INTS(expected, [[0, 1], [1, float("inf")]]) is not None


# ----- indices and pairs ---------------------------------------------------------------------

@pytest.mark.parametrize("got", [[2, 0, 1], (2, 0, 1), np.array([2, 0, 1]), [2.0, 0.0, 1.0]])
def test_indices_accept_lists_and_arrays(got):
    assert INDICES([2, 0, 1], got) is None


@pytest.mark.parametrize("got", [[0, 1, 2], [2, 0], [2, 0, 1, 1], [2.5, 0, 1], [True, 0, 1],
                                 np.array([[2, 0, 1]]), "201", None, [float("nan"), 0, 1],
                                 [float("inf"), 0, 1]])
def test_indices_are_exact_and_ordered(got):
    assert INDICES([2, 0, 1], got) is not None


def test_long_index_lists_point_at_the_first_difference():
    expected = list(range(100))
    message = INDICES(expected, expected[:40] + expected[41:])
    assert "position 40" in message and "100 indices, got 99" in message and len(message) < 200


def test_pairs_indices_exact_scores_within_tolerance():
    expected = [(3, 0.9), (0, 0.25 * math.exp(-0.5))]
    assert PAIRS(expected, [(3, 0.9), (0, 0.25 * math.exp(-0.5) * (1 + 1e-7))]) is None
    assert PAIRS(expected, [[3, 0.9], [0.0, 0.25 * math.exp(-0.5)]]) is None
    assert PAIRS(expected, np.array([[3, 0.9], [0, 0.25 * math.exp(-0.5)]])) is None
    assert PAIRS(expected, [(3, 0.9), (1, 0.15)]) == (
        f"pair 1 differs: expected (0, {0.25 * math.exp(-0.5)!r}), got (1, 0.15)")
    assert PAIRS(expected, [(3, 0.9)]) == ("expected 2 pairs, got 1: missing "
                                           f"(0, {0.25 * math.exp(-0.5)!r}) at position 1")
    assert "is extra" in PAIRS(expected, expected + [(1, 0.1)])
    assert PAIRS([], []) is None and PAIRS([], np.zeros((0, 2))) is None
    assert "position 0" in PAIRS(expected, [(3.5, 0.9), (0, 0.15)])
    assert PAIRS(expected, [(3, float("nan")), (0, 0.15)]).startswith("pair 0 differs")


# ----- tuple ---------------------------------------------------------------------------------

def test_tuple_judges_each_item_and_names_it():
    expected = (np.zeros(3), np.ones(2), 0.25)
    assert TRIPLE(expected, (np.zeros(3), [1, 1], 0.25)) is None
    assert TRIPLE(expected, [np.zeros(3), [1, 1], 0.25]) is None
    assert TRIPLE(expected, (np.zeros(3), [1, 2], 0.25)).startswith("mean: 1 of 2 values")
    assert TRIPLE(expected, (np.zeros(3), [1, 1])) == (
        "expected a tuple of 3 items, got a tuple of length 2")
    assert TRIPLE(expected, np.zeros(3)).startswith("expected a tuple of 3 items")


# ----- every comparator, every hostile answer ------------------------------------------------

CASES = [(FLOAT, 0.5), (ARRAY, np.zeros((2, 2))), (INTS, np.zeros((2, 2), dtype=np.int64)),
         (INDICES, [1, 0]), (PAIRS, [(1, 0.5)]), (TRIPLE, (np.zeros(1), np.zeros(1), 0.0))]


@pytest.mark.parametrize("compare, expected", CASES)
@pytest.mark.parametrize("got", HOSTILE, ids=lambda g: type(g).__name__)
def test_hostile_answers_get_a_short_message(compare, expected, got):
    message = compare(expected, got, ())
    assert isinstance(message, str) and 0 < len(message) < 300
    assert "np." not in message and "array(" not in message


# ----- the registry --------------------------------------------------------------------------

@pytest.mark.parametrize("spec, message", [
    ({"kind": "fuzzy"}, "unknown compare kind 'fuzzy'"),
    ({"kind": "float", "tol": 1}, "has no parameter 'tol' (allowed: atol, rtol)"),
    ({"kind": "float", "rtol": -1}, "compare.rtol must be a number >= 0"),
    ({"kind": "tuple"}, "needs a non-empty list `items`"),
    ({"kind": "tuple", "items": [{"kind": "float"}], "names": ["a", "b"]}, "one name per item"),
    ({"kind": "tuple", "items": [{"kind": "nope"}]}, "unknown compare kind 'nope'"),
    ({"kind": "custom", "rtol": 1}, "takes no parameters"),
    ({"rtol": 1}, "a string `kind`"),
])
def test_bad_specs_are_named(spec, message):
    with pytest.raises(ComparatorError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build(spec)


def test_custom_comparator_comes_from_the_folder(tmp_path):
    with pytest.raises(ComparatorError, match="needs .*compare.py"):
        build({"kind": "custom"}, folder=tmp_path)
    (tmp_path / "compare.py").write_text("def check(a, b):\n    return None\n")
    with pytest.raises(ComparatorError, match=r"must define compare\(expected, got, args\)"):
        build({"kind": "custom"}, folder=tmp_path)
    (tmp_path / "compare.py").write_text(
        "def compare(expected, got, args):\n"
        "    return None if sorted(got) == sorted(expected) else 'not the same set'\n")
    compare = build({"kind": "custom"}, folder=tmp_path)
    assert compare([1, 2], [2, 1], ()) is None and compare([1, 2], [3], ()) == "not the same set"
