"""How values are shown, decided once on the server: templates get these as globals and
filters, and the page's scripts get the results in the JSON they fetch (see live_state).

The one display rule the browser needs on its own, the countdown's clock, is
web/frontend/src/duration.js; a test checks that it agrees with `clock_text`.
"""
from dataclasses import dataclass

from judge.custom import kind_text
from judge.limits import seconds, stated_limits
from judge.literal import python_literal
from web.dates import iso
from web.enums import SOLVED, Status


def clock_text(seconds: int | float | None) -> str:
    """`4:05` for 245 seconds, `1:02:03` from an hour; `—` for no value."""
    if seconds is None:
        return "—"
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def verdict_label(verdict: str | None) -> str:
    return (verdict or "").replace("_", " ")


def is_solved(score: int | None) -> bool:
    return score is not None and score >= SOLVED


@dataclass(frozen=True)
class Badge:
    css: str
    text: str

    def as_json(self) -> dict:
        return {"class": self.css, "text": self.text}


def badge(verdict: str | None, status: str = Status.DONE) -> Badge | None:
    """A submission's badge: its status until it is graded, then its verdict."""
    if status != Status.DONE:
        return Badge("badge pending", status)
    if verdict:
        return Badge(f"badge v-{verdict}", verdict_label(verdict))
    return None


def init_app(app) -> None:
    app.jinja_env.globals.update(SOLVED=SOLVED, badge=badge, is_solved=is_solved,
                                 stated_limits=stated_limits, seconds=seconds,
                                 custom_kind_text=kind_text)
    app.jinja_env.filters.update(clock=clock_text, iso=iso, python_literal=python_literal)
