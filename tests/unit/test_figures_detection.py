"""The figures of generate_anchors, roi_align, hungarian_matching and coco_ap (their own
figure.py) and of rotated_iou (the shared rotated_boxes drawer): well-formed and CSP-clean
markup, the right marks, escaped text, no crash on junk answers."""
import functools
import json
from pathlib import Path

import pytest

from judge.catalogue import CHALLENGES_DIR, load_challenge
from tests.unit.test_figures import HOSTILE, JUNK, marked, parse, texts

ROOT = Path(__file__).resolve().parents[2]


@functools.lru_cache(maxsize=None)
def figure_of(challenge: str):
    return load_challenge(CHALLENGES_DIR / challenge).figure


def example_case(challenge: str, index: int, got) -> dict:
    example = json.loads((ROOT / "challenges" / challenge / "examples.json").read_text())[index]
    return {"property": "from_example", "inputs": example["args"],
            "expected": example["expected"], "got": got, "message": "", "shrunk": True}


# ----- generate_anchors --------------------------------------------------------------------------

def test_anchors_figure_marks_only_the_wrong_anchors_of_the_first_wrong_location():
    case = example_case("generate_anchors", 1, got=None)  # 2 x 3 map, stride 10, one anchor
    got = [list(row) for row in case["expected"]]
    got[4] = [9, 8, 13, 12]  # location (y=1, x=1) is off by one pixel
    tree = parse(figure_of("generate_anchors").render({**case, "got": got}))
    assert len(marked(tree, "fig-expected")) == 1 and len(marked(tree, "fig-wrong")) == 1
    assert len(marked(tree, "fig-location", "circle")) == 6
    assert "location (y=1, x=1)" in texts(tree)


def test_anchors_figure_without_a_difference_shows_the_first_location():
    case = example_case("generate_anchors", 0, got=None)
    tree = parse(figure_of("generate_anchors").render({**case, "got": case["expected"]}))
    assert len(marked(tree, "fig-expected")) == 3 and not marked(tree, "fig-wrong")



# ----- hungarian_matching ------------------------------------------------------------------------

def test_assignment_figure_fills_the_chosen_cells_and_flags_a_reused_column():
    case = example_case("hungarian_matching", 0, got=[[0, 1], [1, 1], [2, 2]])
    tree = parse(figure_of("hungarian_matching").render(case))
    assert len(marked(tree, "fig-pick")) == 6  # three per panel
    clashes = [cell for cell in marked(tree, "fig-pick") if cell.get("stroke") == "#cf222e"]
    assert len(clashes) == 2  # (0, 1) and (1, 1) share column 1
    words = texts(tree)
    assert "3 pairs, total 5" in words and "3 pairs, total 3" in words


def test_assignment_figure_with_a_pair_out_of_range_says_so():
    case = example_case("hungarian_matching", 0, got=[[0, 1], [1, 0], [7, 2]])
    assert "undefined" in texts(parse(figure_of("hungarian_matching").render(case)))


def test_assignment_figure_of_an_empty_matrix_draws_nothing():
    case = example_case("hungarian_matching", 4, got=[[0, 0]])
    assert figure_of("hungarian_matching").render(case) is None



# ----- rotated_iou (the shared rotated_boxes drawer) ---------------------------------------------

def test_rotated_iou_figure_draws_the_plus_sign_and_says_which_way_y_points():
    tree = parse(figure_of("rotated_iou").render(example_case("rotated_iou", 2, got=0.0)))
    assert len(marked(tree, "fig-box", "polygon")) == 2
    (overlap,) = marked(tree, "fig-overlap", "polygon")
    assert len(overlap.get("points").split()) == 4  # the unit square in the middle
    assert "y grows downwards" in texts(tree)


# ----- roi_align ---------------------------------------------------------------------------------

def test_roi_figure_marks_samples_off_the_map_and_the_wrong_output_cells():
    got = [[[[13.75, 14.0, 14.0], [14.75, 15.0, 15.0], [0.0, 0.0, 0.0]]]]
    tree = parse(figure_of("roi_align").render(example_case("roi_align", 4, got=got)))
    samples = marked(tree, "fig-sample", "circle")
    assert len(samples) == 9
    assert sum(s.get("fill") == "#cf222e" for s in samples) == 5  # the row and column at 4.75
    assert len(marked(tree, "fig-wrong")) == 2
    assert len(marked(tree, "fig-bin", "line")) == 4


def test_roi_figure_picks_the_first_wrong_box():
    case = example_case("roi_align", 0, got=None)
    case["inputs"]["rois"] = [[0, 0, 2, 2], [1, 1, 3, 3]]
    case["expected"] = [[[[5.0]]], [[[10.0]]]]
    tree = parse(figure_of("roi_align").render({**case, "got": [[[[5.0]]], [[[7.5]]]]}))
    assert "box 1, channel 0" in texts(tree)



# ----- coco_ap -----------------------------------------------------------------------------------

def test_coco_figure_shows_the_matching_at_one_half_and_says_so():
    tree = parse(figure_of("coco_ap").render(example_case("coco_ap", 0, got=0.3)))
    assert len(marked(tree, "fig-tp")) == 1 and len(marked(tree, "fig-fp")) == 1
    words = texts(tree)
    assert "threshold 0.50" in words and "got 0.3" in words


def test_coco_figure_of_empty_inputs_draws_nothing():
    case = {"inputs": {"detections": [], "ground_truths": []}, "expected": 0.0, "got": 1.0}
    assert figure_of("coco_ap").render(case) is None


# ----- every figure, every junk answer -----------------------------------------------------------

JUNK_CASES = [("generate_anchors", 3), ("hungarian_matching", 2), ("roi_align", 3), ("coco_ap", 4),
              ("rotated_iou", 0)]


@pytest.mark.parametrize("challenge, index", JUNK_CASES)
@pytest.mark.parametrize("got", JUNK)
def test_figures_survive_junk_answers(challenge, index, got):
    markup = figure_of(challenge).draw(example_case(challenge, index, got=got))  # no safety net
    parse(markup)
    assert HOSTILE not in markup
