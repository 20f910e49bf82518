"""Study mode: questions by section and tag, search, a page per question, its figures."""
from flask import Blueprint, abort, current_app, render_template, request, send_from_directory

from web.study.questions import FIGURES, by_section, question_tags, questions, questions_root
from web.study.search import search

bp = Blueprint("concepts", __name__)


@bp.route("/concepts")
def index():
    tag, query = request.args.get("tag", ""), request.args.get("q", "").strip()[:200]
    section = request.args.get("section", "")
    all_sections = by_section()
    if section and section not in all_sections:
        abort(404, description=f"no section called {section!r}; the sections are "
                               f"{', '.join(all_sections)}")
    sections = {name: [q for q in items if not tag or tag in q.tags]
                for name, items in all_sections.items() if not section or name == section}
    pool = [q for items in sections.values() for q in items]
    return render_template("study/concepts/index.html", sections={k: v for k, v in sections.items() if v},
                           section_names=list(all_sections), section=section,
                           tags=question_tags(), tag=tag, query=query,
                           results=search(pool, query) if query else [])


@bp.route("/concepts/<question_id>")
def show(question_id: str):
    question = questions().get(question_id)
    if question is None:
        abort(404, description=f"no question called {question_id!r}")
    return render_template("study/concepts/show.html", question=question)


@bp.route("/concepts/figures/<path:name>")
def figure(name: str):
    """Diagrams referenced by answers (SVG files under questions/figures/)."""
    if not name.endswith(".svg"):
        abort(404)
    return send_from_directory(questions_root(current_app) / FIGURES, name,
                               mimetype="image/svg+xml", max_age=3600)
