"""Typed custom input: Python literals parsed safely, converted by parameter kind, checked
against the challenge's rules, each mistake named; the reference is the last rule."""
import numpy as np
import pytest

from judge.catalogue import load_catalogue
from judge.custom import MAX_COUNT, MAX_VALUES, CustomInputError, kind_text, parse_custom_input, prepare

CATALOGUE = load_catalogue()


def refusal(challenge_id: str, texts) -> str:
    with pytest.raises(CustomInputError) as caught:
        prepare(CATALOGUE[challenge_id], texts)
    return str(caught.value)


def test_literals_become_the_arguments_the_function_receives():
    args, expected = prepare(CATALOGUE["iou"], {"box_a": "(0, 0, 4, 4)", "box_b": "[2, 2, 6, 6]"})
    assert args == ((0, 0, 4, 4), (2, 2, 6, 6)) and expected == pytest.approx(1 / 7)
    args = parse_custom_input(CATALOGUE["nms"], {"boxes": "[[0, 0, 2, 2], [1, 0, 3, 2]]",
                                                  "scores": "[0.9, 0.8]", "iou_threshold": "0.5"})
    assert args[0].dtype == np.float64 and args[0].shape == (2, 4) and args[2] == 0.5


def test_nothing_is_evaluated():
    message = refusal("iou", {"box_a": "__import__('os').system('true')", "box_b": "(0, 0, 1, 1)"})
    assert message.startswith("box_a: not a Python literal")


@pytest.mark.parametrize("texts, start", [
    ({"box_a": "(0, 0, 4, 4)"}, "box_b: give a value"),
    ({"box_a": "(0, 0, 4, 4)", "box_b": "(0, 0, 1, 1)", "box_c": "1"}, "box_c is not a parameter"),
    ({"box_a": "(0, 0, 4", "box_b": "(0, 0, 1, 1)"}, "box_a: not a Python literal"),
    ({"box_a": "{1, 2}", "box_b": "(0, 0, 1, 1)"}, "box_a: a set is not an accepted value"),
    ({"box_a": "'text'", "box_b": "(0, 0, 1, 1)"}, "box_a: expected a list of numbers"),
    ({"box_a": "(4, 0, 0, 4)", "box_b": "(0, 0, 1, 1)"}, "box_a must have x1 <= x2"),
    ({"box_a": "(0, 0, 4)", "box_b": "(0, 0, 1, 1)"}, "box_a must have 4 numbers"),
])
def test_mistakes_are_named(texts, start):
    assert refusal("iou", texts).startswith(start)


def test_nms_rules_follow_the_contract():
    base = {"boxes": "[[0, 0, 2, 2]]", "scores": "[0.5]", "iou_threshold": "0.5"}
    assert refusal("nms", {**base, "scores": "[0.5, 0.4]"}).startswith(
        "scores must have shape (1,), one entry per row of boxes")
    assert refusal("nms", {**base, "iou_threshold": "1.5"}).startswith(
        "iou_threshold must be between 0 and 1")
    assert refusal("nms", {**base, "boxes": "[0, 0, 2, 2]"}).startswith(
        "boxes must have shape (N, 4), not (4,)")


def test_the_reference_is_the_last_rule():
    message = refusal("attention", {"q": "[[1.0, 2.0]]", "k": "[[1.0, 2.0, 3.0]]",
                                    "v": "[[1.0]]", "mask": "None"})
    assert message.startswith("This input is outside the challenge's rules: the reference")


def test_sizes_are_bounded_so_the_host_stays_quick():
    points = "[[0.0, 0.0]]"
    assert f"at most {MAX_COUNT:,}" in refusal(
        "kmeans", {"points": points, "centroids": points, "iterations": str(10 ** 9)})
    many = "[" + ", ".join(["1"] * (MAX_VALUES + 1)) + "]"
    assert f"more than {MAX_VALUES:,} numbers" in refusal("nms", {"boxes": "[[0, 0, 1, 1]]",
                                                        "scores": many, "iou_threshold": "0.5"})


def test_every_parameter_kind_is_described():
    for challenge in CATALOGUE.values():
        for kind in challenge.params.values():
            assert kind_text(kind) != "a Python literal" or kind.startswith("any")
