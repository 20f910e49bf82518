"""homography's own figure (challenges/homography/figure.py): the points it marks as off are
the comparator's, far-away answers are named not drawn, and no answer breaks it."""
import numpy as np
import pytest

from judge.catalogue import load_catalogue
from tests.unit.test_figures import HOSTILE, JUNK, case, marked, parse, texts

CHALLENGE = load_catalogue()["homography"]
CROSSING = 3  # examples.json: the fourth src point lies inside the other three's triangle


def render(got, index=CROSSING):
    return CHALLENGE.figure.render(case("homography", index, got=got))


def test_a_correct_answer_has_no_point_marked():
    counterexample = case("homography", CROSSING)
    tree = parse(render(counterexample["expected"]))
    assert {"src", "dst"} <= set(texts(tree).split())
    assert len(marked(tree, "fig-got-point", "circle")) == 16
    assert not marked(tree, "fig-wrong", "circle") and not marked(tree, "fig-miss", "line")
    assert "0 of 16 points off" in texts(tree)


def test_the_marked_points_are_the_ones_the_comparator_refuses():
    got = np.array(case("homography", CROSSING)["expected"])
    got[2, 1] += 0.02  # a small perspective error: the far points move most
    inputs = case("homography", CROSSING)["inputs"]
    message = CHALLENGE.compare(case("homography", CROSSING)["expected"], got,
                                (np.array(inputs["src"]), np.array(inputs["dst"])))
    off = int(message.split(" of 16")[0])
    tree = parse(render(got.tolist()))
    assert len(marked(tree, "fig-wrong", "circle")) == off > 0
    assert len(marked(tree, "fig-miss", "line")) == off
    assert f"{off} of 16 points off" in texts(tree)


def test_points_sent_far_away_are_named_not_drawn():
    got = [[1e12, 0.0, 0.0], [0.0, 1e12, 0.0], [0.0, 0.0, 1.0]]
    tree = parse(render(got, index=0))  # src point (0, 0) stays put; the others fly off
    assert "15 points of the answer land far outside" in texts(tree)
    assert len(marked(tree, "fig-got-point", "circle")) == 1


@pytest.mark.parametrize("got", JUNK + [[[1, 2, 3]] * 3 + [[4, 5, 6]], [[HOSTILE] * 3] * 3])
def test_any_answer_still_gives_a_figure(got):
    markup = render(got)
    tree = parse(markup)
    assert "src" in texts(tree)
    assert HOSTILE not in markup


def test_inputs_that_are_not_four_points_draw_nothing():
    broken = case("homography", 0, got=np.eye(3).tolist())
    broken["inputs"]["src"] = broken["inputs"]["src"][:3]
    assert CHALLENGE.figure.render(broken) is None
