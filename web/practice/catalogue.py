"""The challenge catalogue as the web app sees it: loaded and checked once, at start-up."""
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from flask import Flask, current_app
from markupsafe import Markup

from judge.catalogue import Challenge, load_catalogue
from judge.display import to_display
from web.enums import DIFFICULTIES
from web.errors import Refused
from web.markdown import render_markdown
from web.tags import all_tags

DIFFICULTY_ORDER = {name: rank for rank, name in enumerate(DIFFICULTIES)}


@dataclass(frozen=True)
class Catalogue:
    challenges: dict  # id -> judge Challenge, in a stable order

    @cached_property
    def statements(self) -> dict[str, Markup]:
        return {cid: render_markdown(without_title(c.statement), trusted=True)
                for cid, c in self.challenges.items()}

    def ordered(self) -> list[Challenge]:
        return sorted(self.challenges.values(),
                      key=lambda c: (DIFFICULTY_ORDER.get(c.difficulty, 9), c.title))

    def tags(self) -> list[str]:
        return all_tags(self.challenges.values())


def visible_examples(challenge: Challenge) -> list[dict]:
    """The examples as plain JSON data (arrays become lists), named by parameter."""
    return [{"args": to_display(challenge.named_args(example.args)),
             "expected": to_display(example.expected), "explanation": example.explanation}
            for example in challenge.examples]


def without_title(statement: str) -> str:
    """Drop a leading `# Title` line: the page already shows the challenge's title."""
    first, _, rest = statement.lstrip().partition("\n")
    return rest if first.startswith("# ") else statement


def init_app(app: Flask) -> None:
    root = app.config.get("CHALLENGES_DIR")
    catalogue = Catalogue(load_catalogue(Path(root) if root else None))
    catalogue.statements  # render now: a broken statement should stop start-up, not a page
    app.extensions["cvjudge.catalogue"] = catalogue


def catalogue() -> Catalogue:
    return current_app.extensions["cvjudge.catalogue"]


def challenge_or_404(challenge_id: str) -> Challenge:
    challenge = catalogue().challenges.get(challenge_id)
    if challenge is None:
        raise Refused(f"no challenge called {challenge_id!r}", 404)
    return challenge
