"""Study mode: questions by section and tag, search, question pages, and a strict loader."""
import re

import pytest

from tests.web.conftest import web_config
from tests.web.helpers import html
from web import create_app
from web.config import from_environment
from web.study.questions import QuestionError

FILLER = " ".join(["Boxes overlap and the ratio of shared to covered area is the measure."] * 6)


def question(qid: str, title: str, section: str = "Computer vision", answer: str = "",
             *, tags: str = "[metrics]", related: str = "[]", difficulty: str = "medium",
             key_points: str = "\n  - first point\n  - second point", extra: str = "") -> str:
    return (f"---\nid: {qid}\ntitle: {title}\nsection: {section}\ntags: {tags}\n"
            f"difficulty: {difficulty}\nrelated: {related}\nkey_points:{key_points}\n{extra}"
            f"---\n{answer}\n\n{FILLER}\n")


SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>'
QUESTIONS = {
    "cv/iou-vs-dice.md": question(
        "iou-vs-dice", "How do IoU and Dice differ?", answer="**Dice** is $2|A \\cap B| / (|A| + |B|)$. "
        "![overlap](figures/overlap.svg)", tags="[metrics, segmentation]", related="[iou]",
        key_points="\n  - Dice counts the overlap twice\n  - Dice = 2J / (1 + J)"
                   "\n  - both ignore true negatives"),
    "cv/anchors.md": question("anchors", "What are anchor boxes?", answer="Priors for box shapes.",
                              tags="[detection]"),
    "ml/calibration.md": question("calibration", "What is a calibrated classifier?",
                                  "Machine-learning fundamentals", "Scores that match frequencies.",
                                  tags="[metrics, probability]"),
    "figures/overlap.svg": SVG,
    "README.md": "How to write a question (not a question).\n",
}


def write_questions(root, files: dict) -> str:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return str(root)


class TestStudyPages:
    @pytest.fixture
    def app_config(self, tmp_path):
        return {"QUESTIONS_DIR": write_questions(tmp_path / "questions", QUESTIONS)}

    def test_the_index_groups_questions_by_section_in_syllabus_order(self, client):
        page = html(client.get("/concepts"))
        sections = dict(re.findall(r"<h2>(.*?) <small.*?</h2>(.*?)</section>", page, re.S))
        assert list(sections) == ["Computer vision", "Machine-learning fundamentals"]
        assert re.findall(r'href="/concepts/([\w-]+)"', sections["Computer vision"]) == \
            ["anchors", "iou-vs-dice"]
        assert '<span class="tag">segmentation</span>' in sections["Computer vision"]
        assert "not a question" not in page

    def test_a_tag_filters_the_list(self, client):
        page = html(client.get("/concepts?tag=metrics"))
        listed = re.findall(r'<li data-question="([\w-]+)"', page)
        assert sorted(listed) == ["calibration", "iou-vs-dice"]

    def test_search_covers_titles_answers_and_key_points_best_first(self, client):
        def found(query):
            return re.findall(r'<li data-question="[\w-]+"><a href="/concepts/([\w-]+)"',
                              html(client.get(f"/concepts?q={query}")))
        assert found("anchor") == ["anchors"]  # title
        assert found("frequencies") == ["calibration"]  # answer text
        assert found("true negatives") == ["iou-vs-dice"]  # key point, every word must match
        assert found("boxes ratio")[:1] == ["anchors"]  # in every answer; the title hit wins
        assert "Nothing matches" in html(client.get("/concepts?q=zebra"))

    def test_the_answer_is_hidden_until_revealed_and_lists_key_points(self, client):
        page = html(client.get("/concepts/iou-vs-dice"))
        assert "<h1>How do IoU and Dice differ?</h1>" in page
        answer = re.search(r'<details class="answer" >(.*?)</details>', page, re.S)
        assert answer, "the answer must sit in a closed <details>"
        assert "<strong>Dice</strong>" in answer.group(1) and 'class="math' in answer.group(1)
        assert "<li>Dice = 2J / (1 + J)</li>" in answer.group(1)
        assert 'src="/concepts/figures/overlap.svg"' in answer.group(1)
        assert 'href="/challenges/iou"' in page

    def test_figures_are_served_as_svg_and_nothing_else(self, client):
        response = client.get("/concepts/figures/overlap.svg")
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
        assert client.get("/concepts/figures/../README.md").status_code == 404
        assert client.get("/concepts/figures/missing.svg").status_code == 404

    def test_an_unknown_question_is_a_404(self, client):
        assert client.get("/concepts/nope").status_code == 404


def test_with_no_questions_the_index_says_so(app, client, tmp_path):
    app.extensions["cvjudge.questions"] = {}
    assert "No conceptual questions yet." in html(client.get("/concepts"))


def test_the_folder_can_come_from_the_environment(tmp_path, monkeypatch):
    folder = write_questions(tmp_path / "q", QUESTIONS)
    monkeypatch.setenv("CVJUDGE_QUESTIONS", folder)
    monkeypatch.setenv("CVJUDGE_SECRET_KEY", "from-the-environment")
    assert from_environment()["QUESTIONS_DIR"] == folder
    app = create_app(web_config(tmp_path / "db.sqlite3", QUESTIONS_DIR=folder))
    assert set(app.extensions["cvjudge.questions"]) == {"iou-vs-dice", "anchors", "calibration"}
    app.extensions["cvjudge.db"].engine.dispose()


@pytest.mark.parametrize("files, culprit, message", [
    ({"bare.md": "Just an answer, no front matter.\n"}, "bare.md", "front matter"),
    ({"short.md": question("s", "Short?").replace(FILLER, "Too short.")}, "short.md", "too short"),
    ({"untitled.md": question("u", "").replace("title: \n", "")}, "untitled.md", "lacks title"),
    ({"yaml.md": "---\nid: [unclosed\n---\nAn answer.\n"}, "yaml.md", "not valid YAML"),
    ({"a.md": question("same", "A?"), "b.md": question("same", "B?")},
     "b.md", "duplicate question id 'same'"),
    ({"key.md": question("k", "K?", extra="author: me\n")}, "key.md", "unknown key(s) author"),
    ({"sec.md": question("s", "S?", section="Metrics")}, "sec.md", "section must be one of"),
    ({"rel.md": question("r", "R?", related="[yolo]")}, "rel.md", "unknown challenge(s) yolo"),
    ({"kp.md": question("k", "K?", key_points="\n  - only one")}, "kp.md", "key_points must have 2 to 4"),
    ({"id.md": question("Bad_Id", "I?")}, "id.md", "lowercase words joined by '-'"),
    ({"fig.md": question("f", "F?", answer="![x](figures/none.svg)")}, "fig.md", "figure 'none.svg'"),
    ({"diff.md": question("d", "D?", difficulty="brutal")}, "diff.md", "difficulty must be"),
], ids=["no-front-matter", "short-answer", "missing-title", "bad-yaml", "duplicate-id",
        "unknown-key", "bad-section", "unknown-challenge", "key-points", "bad-id",
        "missing-figure", "bad-difficulty"])
def test_a_broken_question_file_stops_start_up(tmp_path, files, culprit, message):
    folder = write_questions(tmp_path / "questions", files)
    with pytest.raises(QuestionError) as error:
        create_app(web_config(tmp_path / "db.sqlite3", QUESTIONS_DIR=folder))
    assert culprit in str(error.value) and message in str(error.value)
