"""COCO AP counterexample: the detections drawer's per-image panels, matched at IoU 0.50 (the
loosest of the ten thresholds; the stricter ones only turn hits into misses)."""
from markupsafe import Markup

from judge.figures import detections
from judge.figures import markup as m

CLOSE = "</figure>"


def draw(counterexample: dict) -> Markup | None:
    given = m.inputs(counterexample)
    figure = detections.draw({**counterexample, "inputs": {**given, "iou_threshold": 0.5}})
    if figure is None or not figure.endswith(CLOSE):
        return figure
    note = m.note("Shown at the threshold 0.50; the answer averages AP over 0.50, 0.55, …, 0.95, "
                  "and the expected and returned values are that average.")
    return Markup(figure[:-len(CLOSE)]) + note + Markup(CLOSE)
