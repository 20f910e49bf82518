"""Conceptual questions, grouped by section."""
from flask import Blueprint, abort, render_template

from web.questions import by_section, questions

bp = Blueprint("concepts", __name__)


@bp.route("/concepts")
def index():
    return render_template("concepts/index.html", sections=by_section())


@bp.route("/concepts/<question_id>")
def show(question_id: str):
    question = questions().get(question_id)
    if question is None:
        abort(404, description=f"no question called {question_id!r}")
    return render_template("concepts/show.html", question=question)
