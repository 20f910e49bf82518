"""Conceptual questions: one Markdown file each, with YAML front matter.

    ---
    id: iou-vs-dice
    title: How do IoU and the Dice coefficient differ?
    section: Metrics
    tags: [metrics, segmentation]
    difficulty: medium
    related: [iou]
    ---
    The model answer in Markdown.

The question-bank issue fills the folder and tightens the schema; the pages render whatever
is there, grouped by section.
"""
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from flask import Flask, current_app
from markupsafe import Markup

from web.markdown import render_markdown

QUESTIONS_DIR = Path(__file__).resolve().parent.parent / "questions"
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.S)
REQUIRED = ("id", "title", "section")


class QuestionError(ValueError):
    """A question file that does not follow the schema."""


@dataclass(frozen=True)
class Question:
    id: str
    title: str
    section: str
    tags: tuple
    difficulty: str
    related: tuple
    answer_html: Markup


def load_question(path: Path) -> Question:
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        raise QuestionError(f"{path}: must start with YAML front matter between '---' lines")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise QuestionError(f"{path}: front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise QuestionError(f"{path}: front matter must be a mapping")
    missing = [key for key in REQUIRED if not meta.get(key)]
    if missing:
        raise QuestionError(f"{path}: front matter lacks {', '.join(missing)}")
    if not match.group(2).strip():
        raise QuestionError(f"{path}: the answer is empty")
    return Question(id=str(meta["id"]), title=str(meta["title"]), section=str(meta["section"]),
                    tags=tuple(meta.get("tags") or ()), difficulty=str(meta.get("difficulty", "")),
                    related=tuple(meta.get("related") or ()),
                    answer_html=render_markdown(match.group(2), trusted=True))


def load_questions(root: Path) -> dict[str, Question]:
    questions = {}
    if root.is_dir():
        for path in sorted(root.rglob("*.md")):
            if path.name.lower() == "readme.md":
                continue
            question = load_question(path)
            if question.id in questions:
                raise QuestionError(f"{path}: duplicate question id {question.id!r}")
            questions[question.id] = question
    return questions


def init_app(app: Flask) -> None:
    root = Path(app.config.get("QUESTIONS_DIR") or QUESTIONS_DIR)
    app.extensions["cvjudge.questions"] = load_questions(root)


def questions() -> dict[str, Question]:
    return current_app.extensions["cvjudge.questions"]


def by_section() -> dict[str, list[Question]]:
    sections: dict[str, list[Question]] = {}
    for question in questions().values():
        sections.setdefault(question.section, []).append(question)
    return dict(sorted(sections.items()))
