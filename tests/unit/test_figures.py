"""Counterexample figures: well-formed markup, the right marks, escaped text, no crash on junk."""
import importlib.util
import json
import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from markupsafe import Markup

from judge.catalogue import load_catalogue
from judge.figures import KINDS, Figure, FigureError, drawer, make_figure, render_figure
from judge.figures import markup as m
from judge.figures.detections import MAX_IMAGES, match_detections

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script>"
SUMMARY = {"summary": "float64 array of shape (30, 30)", "shape": [30, 30], "head": [0.0] * 8}
# Answers a broken submission could send back: none of them may break a figure.
JUNK = [None, "oops", HOSTILE, {"a": [1, {"b": HOSTILE}]}, [[[[[]]]]], ["nan", "inf"], [True],
        [1.5], [7], [-1], 3, [[1, 2], [3]], [HOSTILE, [HOSTILE]], SUMMARY, 10 ** 400]


def case(challenge: str, index: int = 0, got=None) -> dict:
    """A counterexample built from a challenge's visible example."""
    examples = json.loads((ROOT / "challenges" / challenge / "examples.json").read_text())
    example = examples[index]
    return {"property": "from_example", "inputs": example["args"],
            "expected": example["expected"], "got": got, "message": "", "shrunk": True}


def parse(markup) -> ET.Element:
    """The figure as XML, after checking it holds nothing the page's CSP would refuse."""
    assert isinstance(markup, Markup)
    tree = ET.fromstring(str(markup))
    for element in tree.iter():
        assert element.tag.rsplit("}", 1)[-1] not in ("script", "style", "foreignObject")
        for name in element.attrib:
            assert name != "style" and not name.startswith("on"), (element.tag, name)
        for token in element.get("class", "").split():
            assert token.startswith("fig"), token
    return tree


def marked(tree: ET.Element, css_class: str, tag: str = "rect") -> list:
    return [el for el in tree.iter()
            if el.tag.endswith(tag) and css_class in el.get("class", "").split()]


def texts(tree: ET.Element) -> str:
    return " ".join(tree.itertext())


def svgs(tree: ET.Element) -> list:
    return list(tree.iter(SVG + "svg"))


def view_box(svg: ET.Element) -> tuple:
    x, y, width, height = map(float, svg.get("viewBox").split())
    return x, y, x + width, y + height


# ----- box_pair ----------------------------------------------------------------------------------

def test_box_pair_draws_both_boxes_and_their_overlap():
    tree = parse(render_figure("box_pair", case("iou", 0, got=0.25)))
    (svg,) = svgs(tree)
    assert svg.get("role") == "img" and svg.get("aria-label")
    assert svg.find(SVG + "title").text
    assert len(marked(tree, "fig-box")) == 2
    (overlap,) = marked(tree, "fig-overlap")
    assert [overlap.get(k) for k in ("x", "y", "width", "height")] == ["2", "2", "2", "2"]
    left, top, right, bottom = view_box(svg)
    assert left < 0 and top < 0 and right > 6 and bottom > 6
    words = texts(tree)
    assert "A = (0, 0, 4, 4)" in words and "B = (2, 2, 6, 6)" in words
    assert "0.14285714285714285" in words and "got 0.25" in words


def test_touching_boxes_have_no_shaded_overlap():
    tree = parse(render_figure("box_pair", case("iou", 2, got=0.1)))
    assert len(marked(tree, "fig-box")) == 2 and not marked(tree, "fig-overlap")
    assert "no overlap" in texts(tree)


def test_zero_area_boxes_stay_visible():
    tree = parse(render_figure("box_pair", case("iou", 3, got=1.0)))
    boxes = marked(tree, "fig-box")
    assert len(boxes) == 2 and all("fig-degenerate" in b.get("class") for b in boxes)
    assert all(float(b.get("width")) > 0 and float(b.get("height")) > 0 for b in boxes)
    centre = float(boxes[0].get("x")) + float(boxes[0].get("width")) / 2
    assert centre == pytest.approx(1.5)  # the mark sits on the point itself
    assert "zero area" in texts(tree)


def test_reversed_box_with_negative_coordinates_is_drawn_between_its_corners():
    counterexample = {"inputs": {"box_a": [4, 4, 0, 0], "box_b": [-3, -3, -1, -1]},
                      "expected": 0.0, "got": None}
    tree = parse(render_figure("box_pair", counterexample))
    box_a = marked(tree, "fig-box-a")[0]
    assert [box_a.get(k) for k in ("x", "y", "width", "height")] == ["0", "0", "4", "4"]
    assert view_box(svgs(tree)[0])[0] < -3
    assert "x2 < x1" in texts(tree)


def test_box_pair_escapes_the_answer():
    markup = render_figure("box_pair", case("iou", 0, got=HOSTILE))
    assert HOSTILE not in markup and "&lt;script&gt;" in markup
    assert HOSTILE in texts(parse(markup))  # escaped once, so it reads back as typed


# ----- nms_boxes ---------------------------------------------------------------------------------

def panels(tree: ET.Element) -> dict:
    """Each panel's SVG by its title ("expected", "got")."""
    found = {}
    for panel in tree.iter("div"):
        if panel.get("class") == "fig-panel":
            found[panel.find("p").text] = panel.find(SVG + "svg")
    return found


def test_nms_correct_answer_matches_the_expected_panel():
    tree = parse(render_figure("nms_boxes", case("nms", 0, got=[1, 2, 3])))
    drawn = panels(tree)
    assert set(drawn) == {"expected", "got"}
    for svg in drawn.values():
        assert len(marked(svg, "fig-kept")) == 3 and len(marked(svg, "fig-suppressed")) == 1
        assert marked(svg, "fig-suppressed")[0].get("stroke-dasharray")
    assert not marked(tree, "fig-wrong")


def test_nms_outlines_boxes_kept_or_suppressed_the_wrong_way():
    tree = parse(render_figure("nms_boxes", case("nms", 0, got=[1, 2, 0])))
    got = panels(tree)["got"]
    assert len(marked(got, "fig-kept")) == 3 and len(marked(got, "fig-suppressed")) == 1
    wrong = marked(got, "fig-wrong")
    assert len(wrong) == 2  # box 0 kept, box 3 suppressed: both unlike the expected answer
    assert not marked(panels(tree)["expected"], "fig-wrong")
    assert "0: 0.6 #3" in texts(got)


def test_nms_same_boxes_in_the_wrong_order_says_so():
    tree = parse(render_figure("nms_boxes", case("nms", 0, got=[2, 1, 3])))
    assert not marked(tree, "fig-wrong")
    assert "2: 0.8 #1" in texts(panels(tree)["got"])
    assert "different order" in texts(tree)


def test_nms_labels_of_boxes_sharing_a_corner_do_not_overprint():
    tree = parse(render_figure("nms_boxes", case("nms", 0, got=[1, 2, 3])))
    svg = panels(tree)["expected"]
    spots = [(t.get("x"), t.get("y")) for t in svg.iter(SVG + "text")]
    assert len(spots) == len(set(spots)) == 4


def test_nms_tiny_boxes_far_from_the_origin_still_draw():
    boxes = [[1e9, 1e9, 1e9 + 1e-6, 1e9 + 1e-6]] * 3  # a label step is lost in rounding
    counterexample = {"inputs": {"boxes": boxes, "scores": [0.5] * 3, "iou_threshold": 0.5},
                      "expected": [0, 1, 2], "got": [0]}
    assert len(marked(parse(render_figure("nms_boxes", counterexample)), "fig-wrong")) == 2


@pytest.mark.parametrize("got", JUNK)
def test_nms_undrawable_answer_leaves_the_expected_panel(got):
    markup = render_figure("nms_boxes", case("nms", 0, got=got))
    tree = parse(markup)
    assert list(panels(tree)) == ["expected"]
    assert "could not be drawn" in texts(tree)
    assert HOSTILE not in markup


def test_nms_without_boxes_or_with_summarised_boxes_draws_nothing():
    assert render_figure("nms_boxes", case("nms", 3, got=[0])) is None
    counterexample = case("nms", 0, got=[1])
    counterexample["inputs"]["boxes"] = SUMMARY
    assert render_figure("nms_boxes", counterexample) is None


def test_nms_with_classes_labels_each_box_with_its_class():
    figure = make_figure("nms_boxes", options={"classes": "class_ids"})
    tree = parse(figure.render(case("batched_nms", 0, got=[0, 3])))
    expected, got = panels(tree)["expected"], panels(tree)["got"]
    assert "2: 0.7 c1 #2" in texts(expected) and "1: 0.8 c0" in texts(expected)
    assert len(marked(got, "fig-wrong")) == 1  # box 2, of class 1, was dropped
    assert "3: 0.6 c0 #2" in texts(got)


def test_nms_with_classes_needs_the_class_ids():
    figure = make_figure("nms_boxes", options={"classes": "class_ids"})
    counterexample = case("batched_nms", 0, got=[0])
    del counterexample["inputs"]["class_ids"]
    assert figure.render(counterexample) is None


def test_nms_with_pairs_shows_returned_scores_and_marks_a_wrong_one():
    got = [[0, 0.9], [2, 0.5], [1, 0.8]]  # box 1 not decayed
    tree = parse(render_figure("nms_boxes", case("soft_nms", 0, got=got)))
    expected, returned = panels(tree)["expected"], panels(tree)["got"]
    assert "1: 0.8 #3 → 0.21" in texts(expected) and "1: 0.8 #3 → 0.8" in texts(returned)
    assert not marked(expected, "fig-wrong") and len(marked(returned, "fig-wrong")) == 1
    assert "or returned with another score" in texts(tree)


def test_nms_with_pairs_in_another_order_says_so():
    got = [[0, 0.9], [1, 0.20971904467661046], [2, 0.5]]
    tree = parse(render_figure("nms_boxes", case("soft_nms", 0, got=got)))
    assert not marked(tree, "fig-wrong") and "different order" in texts(tree)


# ----- detections (map) --------------------------------------------------------------------------

def counts(tree: ET.Element) -> tuple:
    return tuple(len(marked(tree, name)) for name in ("fig-tp", "fig-fp", "fig-matched",
                                                      "fig-missed"))


def test_map_worked_example_has_three_hits_and_one_miss():
    tree = parse(render_figure("detections", case("map", 0, got=0.5)))
    assert counts(tree) == (3, 1, 3, 0)
    assert len(svgs(tree)) == 1
    for rect in marked(tree, "fig-gt"):
        assert rect.get("stroke-dasharray")
    words = texts(tree)
    assert "c0 0.9" in words and "0.8333333333333333" in words and "got 0.5" in words


def test_map_duplicate_detection_is_a_false_positive():
    assert counts(parse(render_figure("detections", case("map", 1, got=0.5)))) == (1, 1, 1, 0)


def test_map_panels_per_image_with_class_labels():
    tree = parse(render_figure("detections", case("map", 2, got=1.0)))
    # IoU exactly 0.5 is a hit; image 1 has no ground truth; class 2 is never detected.
    assert counts(tree) == (2, 1, 2, 1)
    assert [svg.get("aria-label").split(":")[0] for svg in svgs(tree)] == ["image 0", "image 1"]
    assert {"c0", "c1", "c2"} <= set(texts(tree).split())


def test_map_caps_the_number_of_images():
    detections = [[image, 0, 0.5, 0, 0, 2, 2] for image in range(8)]
    counterexample = {"inputs": {"detections": detections, "ground_truths": [],
                                 "iou_threshold": 0.5}, "expected": 0.0, "got": 1.0}
    tree = parse(render_figure("detections", counterexample))
    assert len(svgs(tree)) == MAX_IMAGES and "Showing 6 of 8 images" in texts(tree)


def test_matcher_keeps_a_ground_truth_its_best_detection_missed():
    ground_truths = [[0, 0, 0, 0, 10, 10]]
    detections = [[0, 0, 0.9, 6, 0, 16, 10], [0, 0, 0.8, 0, 0, 10, 10]]  # IoU 0.25, then 1
    assert match_detections(detections, ground_truths, 0.5) == ([False, True], [True])


def test_matcher_takes_the_highest_iou_not_the_first_above_threshold():
    ground_truths = [[0, 0, 0, 0, 10, 10], [0, 0, 2, 0, 12, 10]]
    detections = [[0, 0, 0.9, 2, 0, 12, 10], [0, 0, 0.8, 0, 0, 10, 10]]
    assert match_detections(detections, ground_truths, 0.5) == ([True, True], [True, True])


def test_matcher_breaks_equal_ious_towards_the_first_ground_truth():
    ground_truths = [[0, 0, 0, 0, 2, 2], [0, 0, 2, 0, 4, 2]]
    detections = [[0, 0, 0.9, 1, 0, 3, 2], [0, 0, 0.8, 0, 0, 2, 2]]  # 1/3 with both, then 1
    assert match_detections(detections, ground_truths, 0.3) == ([True, False], [True, False])


def test_matcher_agrees_with_the_reference_on_random_cases():
    path = ROOT / "challenges" / "map" / "reference.py"
    spec = importlib.util.spec_from_file_location("map_reference_for_figures", path)
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    rng = random.Random(7)

    def box():
        x, y = rng.randint(0, 6), rng.randint(0, 6)
        return [x, y, x + rng.randint(0, 4), y + rng.randint(0, 4)]

    for _ in range(300):
        gts = [[rng.randint(0, 1), rng.randint(0, 1), *box()] for _ in range(rng.randint(0, 5))]
        dets = [[rng.randint(0, 1), rng.randint(0, 1), rng.choice([0.3, 0.6, 0.9]), *box()]
                for _ in range(rng.randint(0, 6))]
        threshold = rng.choice([0.1, 0.25, 0.5, 1.0])
        hits, _ = match_detections(dets, gts, threshold)
        for cls in (0, 1):
            mine = [i for i, d in enumerate(dets) if d[1] == cls]
            order = sorted(mine, key=lambda i: -dets[i][2])
            theirs = reference.class_hits([(d[0], *d[2:]) for d in dets if d[1] == cls],
                                          [(g[0], *g[2:]) for g in gts if g[1] == cls], threshold)
            assert [hits[i] for i in order] == theirs


# ----- matrices (conv2d) -------------------------------------------------------------------------

def diffs(tree: ET.Element) -> list:
    return marked(tree, "fig-diff", tag="td")


def test_matrices_correct_answer_has_no_highlight():
    tree = parse(render_figure("matrices", case("conv2d", 0, got=[[-4.0, -4.0], [-4.0, -4.0]])))
    captions = [c.text for c in tree.iter("caption")]
    assert captions == ["image (3 × 3)", "kernel (2 × 2)", "expected (2 × 2)", "got (2 × 2)"]
    assert not diffs(tree)


def test_matrices_highlight_only_cells_outside_the_tolerance():
    got = [[-4.0 + 1e-7, -4.0], [-4.0, -4.0 + 1e-4]]
    tree = parse(render_figure("matrices", case("conv2d", 0, got=got)))
    (cell,) = diffs(tree)
    assert cell.text == "-3.9999" and cell.get("title") == "expected -4"


def test_matrices_of_another_shape_say_so_and_mark_the_extra_cells():
    got = [[-4, -4, 0], [-4, -4, 0], [0, 0, 0]]
    tree = parse(render_figure("matrices", case("conv2d", 0, got=got)))
    assert len(diffs(tree)) == 5
    assert "Shapes differ: expected 2 × 2, got 3 × 3." in texts(tree)


def test_ragged_answer_is_drawn_with_a_shape_note():
    tree = parse(render_figure("matrices", case("conv2d", 0, got=[[-4.0, -4.0], [-4.0]])))
    assert "got 2 rows of unequal length" in texts(tree)
    assert len(diffs(tree)) == 0 and len(list(tree.iter("table"))) == 4


def test_matrices_are_cut_to_twelve_rows_and_columns():
    counterexample = case("conv2d", 0, got=[[0.0] * 19] * 19)
    counterexample["inputs"]["image"] = [[float(i + j) for j in range(20)] for i in range(20)]
    tree = parse(render_figure("matrices", counterexample))
    image = next(tree.iter("table"))
    assert len(image.findall("tbody/tr")) == 12
    assert all(len(row) == 12 for row in image.findall("tbody/tr"))
    assert "first 12 rows and columns shown" in image.find("caption").text


def test_matrices_draw_odd_cells_escaped():
    markup = render_figure("matrices", case("conv2d", 0, got=[["nan", None], [HOSTILE, [1]]]))
    assert len(diffs(parse(markup))) == 4
    assert HOSTILE not in markup and "&lt;script&gt;" in markup


def test_matrices_with_a_summarised_input_draw_nothing():
    counterexample = case("conv2d", 0, got=[[0.0]])
    counterexample["inputs"]["image"] = SUMMARY
    assert render_figure("matrices", counterexample) is None


# ----- box_sets (box_iou_matrix) ----------------------------------------------------------------

IOU_TABLE = make_figure("box_sets", options={"inputs": ["boxes_a", "boxes_b"], "answer": "table"})


def test_box_sets_draw_both_sets_and_mark_the_wrong_cell():
    got = [[0.2, 1.0, 0.0], [0.0, 0.0, 1 / 3]]
    tree = parse(IOU_TABLE.render(case("box_iou_matrix", 0, got=got)))
    boxes = marked(tree, "fig-input")
    assert [b.get("stroke") for b in boxes] == [m.BLUE] * 2 + [m.PURPLE] * 3
    assert {"a0", "a1", "b0", "b1", "b2"} <= set(texts(tree).split())
    assert [c.text for c in tree.iter("caption")] == ["expected (2 × 3)", "got (2 × 3)"]
    (cell,) = diffs(tree)
    assert cell.text == "0.2" and cell.get("title") == "expected 0.1428571"
    assert "Row i is boxes_a[i], column j is boxes_b[j]." in texts(tree)


def test_box_sets_say_when_the_answer_is_transposed():
    got = [[1 / 7, 0.0], [1.0, 0.0], [0.0, 1 / 3]]
    tree = parse(IOU_TABLE.render(case("box_iou_matrix", 0, got=got)))
    assert "Shapes differ: expected 2 × 3, got 3 × 2." in texts(tree)


def test_box_sets_with_an_empty_set_still_draw_the_other():
    counterexample = case("box_iou_matrix", 3, got=[])
    counterexample["inputs"]["boxes_b"] = []  # an empty array, as judge.display shows it
    tree = parse(IOU_TABLE.render(counterexample))
    assert len(marked(tree, "fig-input")) == 3
    assert [c.text for c in tree.iter("caption")] == ["expected (3 × 0)", "got (0 × 0)"]


DECODED = make_figure("box_sets", options={"inputs": ["anchors"], "answer": "boxes"})


def test_box_sets_draw_decoded_boxes_and_outline_the_wrong_row():
    counterexample = case("decode_boxes", 1)
    counterexample["got"] = [counterexample["expected"][0], [20, 20, 25, 28]]
    tree = parse(DECODED.render(counterexample))
    anchors = marked(tree, "fig-input")
    assert len(anchors) == 2 and all(a.get("stroke-dasharray") for a in anchors)
    assert len(marked(tree, "fig-expected")) == 2
    (wrong,) = marked(tree, "fig-wrong")
    assert [wrong.get(k) for k in ("x", "y", "width", "height")] == ["20", "20", "5", "8"]
    (cell,) = diffs(tree)
    assert cell.text == "25" and cell.get("title") == "expected 24"


def test_box_sets_draw_the_expected_boxes_beside_an_undrawable_answer():
    tree = parse(DECODED.render(case("decode_boxes", 0, got=HOSTILE)))
    assert len(marked(tree, "fig-expected")) == 1 and not marked(tree, "fig-wrong")
    assert "could not be drawn" in texts(tree)


def test_box_sets_refuse_an_unknown_answer_kind():
    figure = make_figure("box_sets", options={"inputs": ["boxes_a"], "answer": "pie"})
    assert figure.render(case("box_iou_matrix", 0, got=[])) is None


# ----- challenges' own drawers ------------------------------------------------------------------

def own_figure(challenge: str):
    from judge.catalogue import CHALLENGES_DIR, load_challenge

    return load_challenge(CHALLENGES_DIR / challenge).figure


def test_giou_draws_the_enclosing_box_and_the_values_behind_the_answer():
    tree = parse(own_figure("generalized_iou").render(case("generalized_iou", 0, got=0.1)))
    (enclosing,) = marked(tree, "fig-enclosing")
    assert enclosing.get("stroke-dasharray")
    assert [enclosing.get(k) for k in ("x", "y", "width", "height")] == ["0", "0", "4", "3"]
    (overlap,) = marked(tree, "fig-overlap")
    assert [overlap.get(k) for k in ("width", "height")] == ["1", "1"]
    words = texts(tree)
    assert "C = (0, 0, 4, 3), area 12" in words and "IoU 0.111111" in words
    assert "penalty (|C| - union) / |C| = 0.25" in words and "got 0.1" in words


def test_giou_of_separated_boxes_has_no_overlap():
    tree = parse(own_figure("generalized_iou").render(case("generalized_iou", 1, got=0.0)))
    assert not marked(tree, "fig-overlap") and "intersection 0" in texts(tree)


@pytest.mark.parametrize("got", JUNK)
def test_giou_figure_survives_any_answer(got):
    markup = own_figure("generalized_iou").render(case("generalized_iou", 0, got=got))
    parse(markup)
    assert HOSTILE not in markup


# ----- every kind, every junk answer -------------------------------------------------------------

KIND_CASES = {"box_pair": ("iou", 0), "nms_boxes": ("nms", 0), "detections": ("map", 2),
              "matrices": ("conv2d", 1)}
# Kinds no bundled challenge uses yet: hand-made counterexamples in the same shape.
MADE_CASES = {
    "heatmaps": {"inputs": {"image": [[0.0, 1.0], [2.0, 3.0]]},
                 "expected": [[0.5, 1.0], [2.0, 2.5]], "message": "", "shrunk": True},
    "label_maps": {"inputs": {"mask": [[1, 0, 1], [1, 0, 0]]},
                   "expected": [[1, 0, 2], [1, 0, 0]], "message": "", "shrunk": True},
    "tensors": {"inputs": {"x": [[[0.0, 1.0], [2.0, 3.0]]]},
                "expected": [[[0.5, 1.0], [2.0, 2.5]]], "message": "", "shrunk": True},
    "rotated_boxes": {"inputs": {"box_a": [0.0, 0.0, 4.0, 2.0, 30.0],
                                 "box_b": [1.0, 0.0, 2.0, 2.0, 0.0]},
                      "expected": 0.25, "message": "", "shrunk": True},
    "box_sets": {"inputs": {"boxes": [[0.0, 0.0, 2.0, 2.0], [1.0, 0.0, 3.0, 2.0]]},
                 "expected": [[1.0, 1 / 3], [1 / 3, 1.0]], "message": "", "shrunk": True},
}


def any_case(kind: str, got=None) -> dict:
    if kind in MADE_CASES:
        return {**MADE_CASES[kind], "got": got}
    return case(*KIND_CASES[kind], got=got)


def test_every_kind_has_a_case():
    assert set(KIND_CASES) | set(MADE_CASES) == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("got", JUNK)
def test_any_answer_still_gives_a_figure(kind, got):
    markup = drawer(kind)(any_case(kind, got=got))  # the drawer itself, no safety net
    parse(markup)
    assert HOSTILE not in markup


@pytest.mark.parametrize("kind", KINDS)
def test_missing_inputs_draw_nothing(kind):
    assert render_figure(kind, {"inputs": {}, "expected": None, "got": None}) is None
    assert render_figure(kind, {"inputs": "junk"}) is None


def test_render_figure_without_kind_or_counterexample():
    counterexample = case("iou", 0, got=0.5)
    assert render_figure(None, counterexample) is None
    assert render_figure("pie_chart", counterexample) is None
    assert render_figure(["box_pair"], counterexample) is None
    assert render_figure("box_pair", None) is None


def test_render_figure_swallows_a_failing_drawer(monkeypatch, caplog):
    def broken(counterexample):
        raise ZeroDivisionError("drawn badly")

    assert render_figure(Figure("box_pair", broken), case("iou", 0, got=0.5)) is None
    assert "drawn badly" in caplog.text


def test_stylesheet_colours_every_legend_swatch():
    css = (ROOT / "web" / "static" / "figures.css").read_text()
    used = set()
    for kind in KINDS:
        used |= set(re.findall(r"fig-swatch-[a-z]+", render_figure(kind, any_case(kind, got=[]))))
    assert used and all(f".{name}" in css for name in used)


# ----- options and the registry ------------------------------------------------------------------

def test_unknown_kinds_and_options_are_refused_by_name():
    with pytest.raises(FigureError, match="unknown figure kind 'pie_chart'"):
        make_figure("pie_chart")
    with pytest.raises(FigureError, match="no option 'colour'.*allowed: inputs"):
        make_figure("heatmaps", options={"colour": "red"})
    figure = make_figure("heatmaps", options={"inputs": ["image"]})
    assert figure.render(MADE_CASES["heatmaps"] | {"got": [[0.5, 1.0], [2.0, 3.0]]})


def test_heatmap_marks_the_cell_outside_tolerance():
    tree = parse(render_figure("heatmaps", any_case("heatmaps", got=[[0.5, 1.0], [2.0, 3.0]])))
    wrong = marked(tree, "fig-wrong")
    assert len(wrong) == 1 and "expected 2.5" in texts(wrong[0])


def tensors(counterexample: dict, **options):
    return parse(make_figure("tensors", options=options).render(counterexample))


def test_tensors_show_the_slice_where_the_answer_first_differs():
    expected = [[[[0.0, 1.0]], [[2.0, 3.0]]]]  # shape (1, 2, 1, 2)
    got = [[[[0.0, 1.0]], [[2.0, 3.5]]]]
    tree = tensors({"inputs": {}, "expected": [expected, [1.0, 2.0]],
                    "got": [got, [1.0, 2.0]]}, outputs=["y", "mean"])
    (wrong,) = marked(tree, "fig-wrong")
    assert "3.5 (expected 3)" in texts(wrong)
    assert "slice [0, 1] of 1 × 2 × 1 × 2" in texts(tree)
    assert "mean, got" not in texts(tree) and "mean: as expected." in texts(tree)


def test_tensors_show_an_input_at_the_slice_of_the_wrong_answer():
    x = [[[[1.0]], [[2.0]]], [[[3.0]], [[4.0]]]]  # shape (2, 2, 1, 1)
    expected = [[[[0.0]], [[0.0]]], [[[0.0]], [[5.0]]]]
    got = [[[[0.0]], [[0.0]]], [[[0.0]], [[6.0]]]]
    tree = tensors({"inputs": {"x": x}, "expected": expected, "got": got}, inputs=["x"])
    assert texts(tree).count("slice [1, 1] of 2 × 2 × 1 × 1") == 3
    assert [t.text for t in tree.iter(SVG + "text")] == ["4", "5", "6"]


def test_tensors_draw_non_finite_cells_red_and_name_them():
    tree = tensors({"inputs": {"x": [[1, 2]]}, "expected": [[0.5, 1.0]], "got": [["nan", "-inf"]]},
                   inputs=["x"])
    wrong = marked(tree, "fig-wrong")
    assert [el.get("fill") for el in wrong] == ["#cf222e", "#cf222e"]
    assert "nan (expected 0.5)" in texts(tree) and "-inf (expected 1)" in texts(tree)


def test_tensors_write_a_number_answer_out_beside_the_inputs():
    tree = parse(render_figure(load_catalogue()["cross_entropy"].figure,
                               case("cross_entropy", 0, got="nan")))
    assert "answer: expected 0.7531091265562451, got nan." in texts(tree)
    assert [p.text for p in tree.iter("p") if p.get("class") == "fig-panel-title"] == [
        "logits", "targets"]


def test_tensors_say_when_the_shape_or_the_tuple_is_wrong():
    tree = tensors({"inputs": {}, "expected": [[1.0, 2.0]], "got": [[1.0, 2.0, 3.0]]})
    assert "expected shape 1 × 2, got 1 × 3" in texts(tree)
    tree = tensors({"inputs": {}, "expected": [[1.0], [2.0]], "got": [[1.0]]},
                   outputs=["a", "b"])
    assert "not a tuple of 2 items" in texts(tree) and not marked(tree, "fig-wrong")


def test_kmeans_figure_rings_wrong_labels_and_lists_far_centroids():
    figure = load_catalogue()["kmeans"].figure
    counterexample = case("kmeans", 0, got=[[[1.0], [6.5]], [0, 0, 0, 1]])
    tree = parse(render_figure(figure, counterexample))
    (ring,) = marked(tree, "fig-wrong", "circle")
    assert "point 2: label 1, got 0" in texts(ring)
    assert len(marked(tree, "fig-centroid", "g")) == 2
    counterexample = case("kmeans", 2, got=[[[0.0, 0.0], [5.0, 5.0], [3.0, -1.0]], [2]])
    counterexample["inputs"]["points"] = [[3.0, -1.0], [3.5, -1.0]]
    counterexample["expected"] = [[[0.0, 0.0], [900.0, 5.0], [3.25, -1.0]], [2, 2]]
    words = texts(parse(render_figure(figure, counterexample)))
    assert "Off the picture: " in words and "centroid 1 expected at (900, 5)" in words


@pytest.mark.parametrize("got", JUNK)
def test_kmeans_figure_survives_any_answer(got):
    markup = load_catalogue()["kmeans"].figure.draw(case("kmeans", 3, got=got))
    parse(markup)
    assert HOSTILE not in markup


def test_label_map_marks_each_wrong_label():
    tree = parse(render_figure("label_maps", any_case("label_maps", got=[[1, 0, 1], [1, 0, 0]])))
    assert len(marked(tree, "fig-wrong")) == 1


def test_rotated_boxes_draw_two_polygons_and_their_overlap():
    tree = parse(render_figure("rotated_boxes", any_case("rotated_boxes", got=0.5)))
    assert len(marked(tree, "fig-box", "polygon")) == 2
    assert len(marked(tree, "fig-overlap", "polygon")) == 1
