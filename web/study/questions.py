"""Conceptual questions: one Markdown file each under questions/, with YAML front matter.

    ---
    id: iou-vs-dice                      # unique, lowercase words joined by '-'
    title: How do IoU and the Dice coefficient differ for masks?
    section: Computer vision             # one of SECTIONS
    tags: [segmentation, metrics]
    difficulty: medium                   # easy | medium | hard
    related: [iou]                       # challenge ids (may be empty)
    key_points:                          # 2-4 things an interviewer listens for
      - Dice = 2|A∩B| / (|A| + |B|); IoU = |A∩B| / |A∪B|
      - ...
    ---
    The model answer in Markdown ($maths$, code, tables, ![a figure](figures/name.svg)).

The loader is strict: unknown keys, a missing field, an empty answer, a duplicate id, an
unknown challenge or a missing figure stop start-up with the file's name in the message.
Where the bank has a tags.yaml (the curated tag set, each tag with its aliases), every tag is
mapped to its curated name and a tag outside that table is refused too.
"""
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from flask import Flask, current_app
from markupsafe import Markup

from web.enums import DIFFICULTIES
from web.markdown import render_markdown
from web.tags import all_tags

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when built with it
QUESTIONS_DIR = Path(__file__).resolve().parents[2] / "questions"
FIGURES = "figures"  # questions/figures/*.svg, served at /concepts/figures/<name>
TAGS_FILE = "tags.yaml"  # the curated tags: {tag: [alias, ...]}
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n(.*)\Z", re.S)
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FIGURE_LINK = re.compile(r"\]\(figures/([^)\s]+)\)")
SECTIONS = ("Computer vision", "Machine-learning fundamentals", "Deep learning",
            "ML system design", "Deployment and MLOps", "Coding")
KEYS = {"id", "title", "section", "tags", "difficulty", "related", "key_points"}
MIN_WORDS = 60


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
    key_points: tuple
    answer: str  # the Markdown source, for search
    answer_html: Markup


def _string_list(meta: dict, key: str, path: Path, *, minimum: int = 0, maximum: int = 99) -> tuple:
    value = meta.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise QuestionError(f"{path}: {key} must be a list of non-empty strings")
    if not minimum <= len(value) <= maximum:
        raise QuestionError(f"{path}: {key} must have {minimum} to {maximum} items, has {len(value)}")
    return tuple(v.strip() for v in value)


def load_tag_aliases(path: Path) -> dict[str, str]:
    """{spelling: curated tag} from a tags.yaml; each spelling may stand for one tag only."""
    try:
        table = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as exc:
        raise QuestionError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(table, dict):
        raise QuestionError(f"{path}: must map each tag to a list of its aliases")
    aliases: dict[str, str] = {}
    for tag, others in table.items():
        if not isinstance(tag, str) or not isinstance(others or [], list):
            raise QuestionError(f"{path}: {tag!r} must map to a list of aliases")
        for spelling in (tag, *(others or [])):
            if not isinstance(spelling, str) or not spelling.strip():
                raise QuestionError(f"{path}: the aliases of {tag!r} must be non-empty strings")
            if aliases.get(spelling, tag) != tag:
                raise QuestionError(f"{path}: {spelling!r} stands for both {aliases[spelling]!r} "
                                    f"and {tag!r}")
            aliases[spelling] = tag
    return aliases


def _curated(tags: tuple, aliases: dict[str, str] | None, path: Path) -> tuple:
    if aliases is None:
        return tags
    unknown = [tag for tag in tags if tag not in aliases]
    if unknown:
        raise QuestionError(f"{path}: tag(s) {', '.join(unknown)} not in {TAGS_FILE}; use one of "
                            f"{', '.join(sorted(set(aliases.values())))} or add an alias there")
    return tuple(dict.fromkeys(aliases[tag] for tag in tags))  # once each, in the file's order


def load_question(path: Path, challenge_ids=None, figures: Path | None = None,
                  aliases: dict[str, str] | None = None) -> Question:
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        raise QuestionError(f"{path}: must start with YAML front matter between '---' lines")
    try:
        meta = yaml.load(match.group(1), Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as exc:
        raise QuestionError(f"{path}: front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise QuestionError(f"{path}: front matter must be a mapping")
    unknown = set(meta) - KEYS
    if unknown:
        raise QuestionError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}")
    missing = [key for key in ("id", "title", "section", "difficulty") if not meta.get(key)]
    if missing:
        raise QuestionError(f"{path}: front matter lacks {', '.join(missing)}")
    question_id, section = str(meta["id"]), str(meta["section"])
    if not ID_PATTERN.match(question_id):
        raise QuestionError(f"{path}: id {question_id!r} must be lowercase words joined by '-'")
    if section not in SECTIONS:
        raise QuestionError(f"{path}: section must be one of {', '.join(SECTIONS)}")
    if meta["difficulty"] not in DIFFICULTIES:
        raise QuestionError(f"{path}: difficulty must be one of {', '.join(DIFFICULTIES)}")
    related = _string_list(meta, "related", path)
    if challenge_ids is not None:
        unknown_challenges = [cid for cid in related if cid not in challenge_ids]
        if unknown_challenges:
            raise QuestionError(f"{path}: related names unknown challenge(s) "
                                f"{', '.join(unknown_challenges)}")
    answer = match.group(2).strip()
    if len(answer.split()) < MIN_WORDS:
        raise QuestionError(f"{path}: the answer is empty or too short "
                            f"({len(answer.split())} words; at least {MIN_WORDS})")
    figures = figures or path.parent / FIGURES
    for figure in FIGURE_LINK.findall(answer):
        if not (figures / figure).is_file():
            raise QuestionError(f"{path}: figure {figure!r} not found in {figures}")
    html = render_markdown(FIGURE_LINK.sub(r"](/concepts/figures/\1)", answer), trusted=True)
    return Question(id=question_id, title=str(meta["title"]), section=section,
                    tags=_curated(_string_list(meta, "tags", path), aliases, path),
                    difficulty=str(meta["difficulty"]),
                    related=related, key_points=_string_list(meta, "key_points", path,
                                                             minimum=2, maximum=4),
                    answer=answer, answer_html=html)


def load_questions(root: Path, challenge_ids=None) -> dict[str, Question]:
    """Every question under `root` (README.md and the figures folder are skipped)."""
    questions = {}
    aliases = load_tag_aliases(root / TAGS_FILE) if (root / TAGS_FILE).is_file() else None
    if root.is_dir():
        for path in sorted(root.rglob("*.md")):
            if path.name.lower() == "readme.md" or FIGURES in path.relative_to(root).parts:
                continue
            question = load_question(path, challenge_ids, root / FIGURES, aliases)
            if question.id in questions:
                raise QuestionError(f"{path}: duplicate question id {question.id!r}")
            questions[question.id] = question
    order = {question_id: n for n, question_id in enumerate(questions)}
    return dict(sorted(questions.items(),  # syllabus order: new review cards follow it too
                       key=lambda item: (SECTIONS.index(item[1].section), order[item[0]])))


def questions_root(app: Flask) -> Path:
    return Path(app.config.get("QUESTIONS_DIR") or QUESTIONS_DIR)


def init_app(app: Flask) -> None:
    challenge_ids = set(app.extensions["cvjudge.catalogue"].challenges)
    app.extensions["cvjudge.questions"] = load_questions(questions_root(app), challenge_ids)


def questions() -> dict[str, Question]:
    return current_app.extensions["cvjudge.questions"]


def question_tags() -> list[str]:
    return all_tags(questions().values())


def by_section() -> dict[str, list[Question]]:
    """Questions grouped by section, in the syllabus order."""
    sections: dict[str, list[Question]] = {}
    for question in questions().values():
        sections.setdefault(question.section, []).append(question)
    return {name: sections[name] for name in SECTIONS if name in sections}
