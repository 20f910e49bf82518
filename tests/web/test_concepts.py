"""Concept pages show whatever question files exist, by section; a bad file stops start-up."""
import re

import pytest

from tests.web.conftest import web_config
from tests.web.helpers import html
from web import create_app
from web.config import from_environment
from web.questions import QuestionError


def question(qid: str, title: str, section: str, answer: str, extra: str = "") -> str:
    return f"---\nid: {qid}\ntitle: {title}\nsection: {section}\n{extra}---\n{answer}\n"


QUESTIONS = {
    "iou-vs-dice.md": question("iou-vs-dice", "How do IoU and Dice differ?", "Metrics",
                               "**Dice** is $2|A \\cap B| / (|A| + |B|)$.",
                               "tags: [metrics, segmentation]\ndifficulty: medium\n"
                               "related: [iou]\n"),
    "map.md": question("why-map", "Why average precision over recall?", "Metrics",
                       "Because one threshold hides the trade-off."),
    "detection/anchors.md": question("anchors", "What are anchor boxes?", "Detection",
                                     "Priors for box shapes."),
    "README.md": "How to write a question (not a question).\n",
}


def write_questions(root, files: dict) -> str:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return str(root)


class TestQuestionPages:
    @pytest.fixture
    def app_config(self, tmp_path):
        return {"QUESTIONS_DIR": write_questions(tmp_path / "questions", QUESTIONS)}

    def test_the_index_groups_questions_by_section(self, client):
        page = html(client.get("/concepts"))
        sections = dict(re.findall(r"<h2>(.*?)</h2>(.*?)</section>", page, re.S))
        assert list(sections) == ["Detection", "Metrics"]
        assert re.findall(r'href="/concepts/([\w-]+)"', sections["Detection"]) == ["anchors"]
        assert sorted(re.findall(r'href="/concepts/([\w-]+)"', sections["Metrics"])) == \
            ["iou-vs-dice", "why-map"]
        assert '<span class="tag">segmentation</span>' in sections["Metrics"]
        assert "not a question" not in page

    def test_a_question_page_renders_its_answer(self, client):
        page = html(client.get("/concepts/iou-vs-dice"))
        assert "<h1>How do IoU and Dice differ?</h1>" in page
        assert "<strong>Dice</strong>" in page and 'class="math' in page
        assert 'href="/challenges/iou"' in page

    def test_an_unknown_question_is_a_404(self, client):
        response = client.get("/concepts/nope")
        assert response.status_code == 404
        assert "no question called &#39;nope&#39;" in html(response)


def test_with_no_questions_the_index_says_so(client):
    assert "No conceptual questions yet." in html(client.get("/concepts"))


def test_the_folder_can_come_from_the_environment(tmp_path, monkeypatch):
    folder = write_questions(tmp_path / "q", QUESTIONS)
    monkeypatch.setenv("CVJUDGE_QUESTIONS", folder)
    monkeypatch.setenv("CVJUDGE_SECRET_KEY", "from-the-environment")
    assert from_environment()["QUESTIONS_DIR"] == folder
    app = create_app(web_config(tmp_path / "db.sqlite3", QUESTIONS_DIR=folder))
    assert set(app.extensions["cvjudge.questions"]) == {"iou-vs-dice", "why-map", "anchors"}
    app.extensions["cvjudge.db"].engine.dispose()


@pytest.mark.parametrize("files, culprit, message", [
    ({"bare.md": "Just an answer, no front matter.\n"}, "bare.md", "front matter"),
    ({"empty.md": question("e", "Empty", "S", "   ")}, "empty.md", "the answer is empty"),
    ({"untitled.md": "---\nid: u\nsection: S\n---\nAn answer.\n"}, "untitled.md", "lacks title"),
    ({"yaml.md": "---\nid: [unclosed\n---\nAn answer.\n"}, "yaml.md", "not valid YAML"),
    ({"a.md": question("same", "A", "S", "One."), "b.md": question("same", "B", "S", "Two.")},
     "b.md", "duplicate question id 'same'"),
], ids=["no-front-matter", "empty-answer", "missing-title", "bad-yaml", "duplicate-id"])
def test_a_broken_question_file_stops_start_up(tmp_path, files, culprit, message):
    folder = write_questions(tmp_path / "questions", files)
    with pytest.raises(QuestionError) as error:
        create_app(web_config(tmp_path / "db.sqlite3", QUESTIONS_DIR=folder))
    assert culprit in str(error.value) and message in str(error.value)
