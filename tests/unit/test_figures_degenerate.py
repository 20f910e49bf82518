"""Degenerate counterexamples stay readable: identical boxes fan out, zero-area boxes carry a
cross, labels never overprint, the legend lists only what is drawn, and a call that gave no
answer says so instead of drawing `None`."""
from judge.figures import render_figure
from tests.unit.test_figures import SVG, marked, parse, texts


def nms_case(boxes, scores, threshold, expected, got):
    return {"property": "p", "inputs": {"boxes": boxes, "scores": scores,
                                        "iou_threshold": threshold},
            "expected": expected, "got": got, "message": "", "shrunk": True}


def panel_svgs(tree) -> dict:
    return {panel.find("p").text: panel.find(SVG + "svg") for panel in tree.iter("div")
            if panel.get("class") == "fig-panel"}


def test_identical_boxes_fan_out_and_their_labels_stay_apart():
    box = [0, 0, 2, 2]
    tree = parse(render_figure("nms_boxes", nms_case([box, box, box], [0.5, 0.5, 0.5], 1.0,
                                                      [0, 1, 2], [0, 1, 2])))
    svg = panel_svgs(tree)["expected"]
    corners = {(r.get("x"), r.get("y")) for r in marked(svg, "fig-kept")}
    assert len(corners) == 3  # three outlines, not one
    spots = [(t.get("x"), t.get("y")) for t in svg.iter(SVG + "text")]
    assert len(spots) == len(set(spots)) == 3
    assert "identical boxes, drawn slightly apart" in texts(tree)


def test_zero_area_boxes_are_marked_and_named_in_the_legend():
    tree = parse(render_figure("nms_boxes", nms_case([[1, 1, 1, 1], [1, 1, 1, 1], [0, 0, 2, 0]],
                                                      [0.9, 0.8, 0.7], 0.0, [0, 1, 2], [0])))
    assert len(marked(tree, "fig-zero-area", "path")) == 6  # 3 boxes in each panel
    assert "zero-area box" in texts(tree)


def test_ordinary_boxes_get_no_degenerate_legend_lines():
    tree = parse(render_figure("nms_boxes", nms_case([[0, 0, 4, 4], [10, 10, 12, 12]],
                                                      [0.9, 0.8], 0.5, [0, 1], [1, 0])))
    assert "zero-area" not in texts(tree) and "drawn slightly apart" not in texts(tree)


def test_a_tie_broken_the_wrong_way_is_named_as_a_tie():
    tree = parse(render_figure("nms_boxes", nms_case([[0, 0, 1, 1], [5, 5, 6, 6]], [0.7, 0.7],
                                                      0.5, [0, 1], [1, 0])))
    words = texts(tree)
    assert "tie at score 0.7" in words and "ties between equal scores" in words
    tree = parse(render_figure("nms_boxes", nms_case([[0, 0, 1, 1], [5, 5, 6, 6]], [0.9, 0.7],
                                                      0.5, [0, 1], [1, 0])))
    assert "descending score" in texts(tree) and "tie" not in texts(tree)


def test_identical_iou_boxes_are_drawn_apart():
    case = {"property": "p", "inputs": {"box_a": [0, 0, 2, 2], "box_b": [0, 0, 2, 2]},
            "expected": 1.0, "got": 0.0, "message": "", "shrunk": True}
    tree = parse(render_figure("box_pair", case))
    a, b = marked(tree, "fig-box-a")[0], marked(tree, "fig-box-b")[0]
    assert (a.get("x"), a.get("y")) != (b.get("x"), b.get("y"))
    assert "the same box" in texts(tree) and "expected IoU 1.0, got 0.0" in texts(tree)


def test_no_answer_is_said_not_drawn_as_none():
    case = {"property": "p", "inputs": {"box_a": [0, 0, 2, 2], "box_b": [1, 0, 3, 2]},
            "expected": 1 / 3, "got": None, "answered": False, "message": "crashed",
            "shrunk": False}
    words = texts(parse(render_figure("box_pair", case)))
    assert "got no answer" in words and "None" not in words and "null" not in words
    nms = {**nms_case([[0, 0, 2, 2]], [0.5], 0.5, [0], None), "answered": False}
    assert "gave no answer" in texts(parse(render_figure("nms_boxes", nms)))


def test_map_legend_lists_only_what_is_drawn():
    case = {"property": "p", "inputs": {
        "detections": [[0, 0, 0.9, 0, 0, 2, 2]], "ground_truths": [[0, 0, 0, 0, 2, 2]],
        "iou_threshold": 0.5}, "expected": 1.0, "got": 0.0, "message": "", "shrunk": True}
    words = texts(parse(render_figure("detections", case)))
    assert "1 true positive" in words and "false positive" not in words
    assert "missed ground truth" not in words


def test_map_draws_the_submitted_matching_when_a_slip_explains_the_answer():
    from judge.figures.detections import match_detections, mean_ap

    detections = [[0, 0, 0.9, 0, 0, 2, 2], [0, 0, 0.8, 0, 0, 2, 2]]  # one object, seen twice
    ground_truths = [[0, 0, 0, 0, 2, 2]]
    twice, _ = match_detections(detections, ground_truths, 0.5, reuse=True)
    got = mean_ap(detections, ground_truths, twice)
    case = {"property": "p", "inputs": {"detections": detections, "ground_truths": ground_truths,
                                        "iou_threshold": 0.5},
            "expected": 1.0, "got": got, "message": "", "shrunk": True}
    assert got != 1.0 or twice == [True, True]
    tree = parse(render_figure("detections", case))
    titles = [p.find("p").text for p in tree.iter("div") if p.get("class") == "fig-panel"]
    assert titles == ["image 0: expected", "image 0: as your answer"]
    assert "a ground truth matched more than once" in texts(tree)


def test_mean_ap_of_the_matching_agrees_with_the_reference():
    import random

    from judge.catalogue import load_catalogue
    from judge.figures.detections import match_detections, mean_ap

    reference = load_catalogue()["map"].reference
    rng = random.Random(7)
    for _ in range(200):
        gts = [[rng.randrange(2), rng.randrange(2), *box] for box in
               (sorted_box(rng) for _ in range(rng.randrange(4)))]
        dets = [[rng.randrange(2), rng.randrange(2), rng.choice([0.3, 0.6, 0.9]), *sorted_box(rng)]
                for _ in range(rng.randrange(6))]
        hits, _ = match_detections(dets, gts, 0.5)
        assert abs(mean_ap(dets, gts, hits) - reference(dets, gts, 0.5)) < 1e-12


def sorted_box(rng) -> list:
    x1, x2 = sorted(rng.randrange(6) for _ in range(2))
    y1, y2 = sorted(rng.randrange(6) for _ in range(2))
    return [x1, y1, x2, y2]


def test_a_tied_box_kept_in_place_of_another_is_named():
    box = [0, 0, 2, 2]
    tree = parse(render_figure("nms_boxes", nms_case([box, box], [0.5, 0.5], 0.5, [0], [1])))
    assert "Box 1 was kept instead of box 0: they tie at score 0.5" in texts(tree)
    tree = parse(render_figure("nms_boxes", nms_case([box, box], [0.9, 0.5], 0.5, [0], [1])))
    assert "kept instead" not in texts(tree)
