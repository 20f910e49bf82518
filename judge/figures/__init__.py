"""Pictures of a failing counterexample: one drawer module per kind, found by name.

A failing submission comes back with a small counterexample (judge.display.to_display): plain
JSON inputs, the reference's `expected` and the submission's `got`. Boxes, label maps or a
matrix read faster as a picture than as numbers, so a challenge names a drawer in its
challenge.toml (`figure = "box_pair"`, or a `[figure]` table with `kind` and the drawer's
options), or ships its own `figure.py` defining `draw(counterexample, **options)`. The loader
rejects an unknown kind or option, so a typo fails at start-up instead of drawing nothing.

Every drawer is a module here with a `draw(counterexample, **options) -> Markup | None`;
keyword-only parameters of `draw` are its options. `got` comes from untrusted code, so drawers
read it defensively (judge.figures.markup) and `render_figure` still catches whatever slips
through, because no picture is worth a broken page.
"""
import importlib
import inspect
import logging
from dataclasses import dataclass, field
from types import MappingProxyType

from markupsafe import Markup

log = logging.getLogger(__name__)

KINDS = ("box_pair", "nms_boxes", "detections", "matrices", "heatmaps", "label_maps",
         "rotated_boxes", "tensors", "box_sets")


class FigureError(ValueError):
    """An unknown drawer or option."""


@dataclass(frozen=True)
class Figure:
    """How one challenge draws its counterexamples: a drawer and the options it is given."""
    kind: str
    draw: object = field(repr=False, compare=False)
    options: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))

    def render(self, counterexample) -> Markup | None:
        if not isinstance(counterexample, dict):
            return None
        if counterexample.get("answered") is False:  # crashed or out of time: no `got`
            from judge.figures.markup import NO_ANSWER

            counterexample = {**counterexample, "got": NO_ANSWER}
        try:
            return self.draw(counterexample, **self.options)
        except Exception:  # a drawing must never break the result page
            log.exception("could not draw a %s figure", self.kind)
            return None


def drawer(kind: str):
    """The `draw` function of a built-in kind; FigureError for an unknown one."""
    if kind not in KINDS:
        raise FigureError(f"unknown figure kind {kind!r} (known: {', '.join(KINDS)})")
    return importlib.import_module(f"judge.figures.{kind}").draw


def options_of(draw) -> set:
    """The option names a drawer accepts: the keyword-only parameters of its `draw`."""
    return {name for name, p in inspect.signature(draw).parameters.items()
            if p.kind is inspect.Parameter.KEYWORD_ONLY}


def make_figure(kind: str, draw=None, options: dict | None = None) -> Figure:
    """A Figure for a built-in kind (or a challenge's own `draw`), its options checked."""
    draw = draw or drawer(kind)
    options = dict(options or {})
    unknown = sorted(set(options) - options_of(draw))
    if unknown:
        allowed = ", ".join(sorted(options_of(draw))) or "none"
        raise FigureError(f"figure {kind!r} has no option {unknown[0]!r} (allowed: {allowed})")
    return Figure(kind, draw, MappingProxyType(options))


def render_figure(figure, counterexample) -> Markup | None:
    """The picture for a counterexample, or None (the page then shows the text alone).

    `figure` is a challenge's Figure, a built-in kind's name, or None.
    """
    if isinstance(figure, str):
        try:
            figure = make_figure(figure)
        except FigureError:
            return None
    if not isinstance(figure, Figure):
        return None
    return figure.render(counterexample)
