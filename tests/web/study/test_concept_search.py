"""Concepts: sections first, a curated tag set with aliases, search that forgives typos and
shows where it matched."""
import re

import pytest

from tests.web.conftest import web_config
from tests.web.helpers import html
from tests.web.study.test_concepts import QUESTIONS, question, write_questions
from web import create_app
from web.study.questions import QUESTIONS_DIR, TAGS_FILE, QuestionError, load_tag_aliases
from web.study.search import search


def listed(page: str) -> list[str]:
    return re.findall(r'<li data-question="([\w-]+)"', page)


def test_typos_find_the_nms_questions_with_the_match_marked_in_a_snippet(client):
    page = html(client.get("/concepts?q=suppresion"))
    found = listed(page)
    assert {"non-maximum-suppression", "coding-nms"} <= set(found)
    snippets = re.findall(r'<p class="snippet">(.*?)</p>', page, re.S)
    assert snippets and all("<mark>" in s for s in snippets)
    assert "<mark>suppression</mark>" in page.lower() or "<mark>Suppression</mark>" in page


@pytest.fixture
def bank(app):
    return app.extensions["cvjudge.questions"]


def test_two_misspelt_words_must_both_match(bank):
    found = [hit.question.id for hit in search(bank.values(), "non-maximim supression")]
    assert {"non-maximum-suppression", "coding-nms"} <= set(found[:6])
    assert search(bank.values(), "supression zzzzqqq") == []


def test_a_word_the_bank_has_is_not_fuzzed_into_its_neighbours(bank):
    for hit in search(bank.values(), "mask"):
        text = (hit.question.title + hit.question.answer + " ".join(hit.question.key_points)).lower()
        assert "mask" in text


def test_the_snippet_escapes_the_answer_and_marks_only_matches():
    class Q:
        id, title, tags, key_points = "q", "Plain title", ("x",), ("a", "b")
        answer = "Before <script>alert(1)</script> the word overlap sits here, then more text."
    [hit] = search([Q()], "overlp")  # one letter missing
    assert "&lt;script" in hit.snippet and "<script" not in hit.snippet
    assert "<mark>overlap</mark>" in hit.snippet and hit.snippet.count("<mark>") == 1


def test_sections_come_first_and_filter_the_list(client):
    page = html(client.get("/concepts"))
    assert page.index('aria-label="Filter by section"') < page.index('aria-label="Filter by tag"')
    only = html(client.get("/concepts?section=Deployment and MLOps"))
    sections = re.findall(r"<h2>(.*?) <small", only)
    assert sections == ["Deployment and MLOps"] and "edge-deployment" in listed(only)
    searched = listed(html(client.get("/concepts?section=Coding&q=suppresion")))
    assert "coding-nms" in searched and "non-maximum-suppression" not in searched
    assert client.get("/concepts?section=Astrology").status_code == 404


def test_the_real_bank_shows_only_curated_tags_with_aliases_merged(client):
    aliases = load_tag_aliases(QUESTIONS_DIR / TAGS_FILE)
    curated = set(aliases.values())
    page = html(client.get("/concepts"))
    pills = re.findall(r'<a href="/concepts\?tag=([\w-]+)"', page)
    assert set(pills) == curated and len(pills) <= 30
    for merged in ("architecture", "loss-functions", "cnn"):
        assert merged not in pills
    assert aliases["architecture"] == aliases["architectures"] == "architectures"
    assert aliases["losses"] == aliases["loss-functions"] == "losses"
    tagged = listed(html(client.get("/concepts?tag=losses")))
    assert len(tagged) >= 4  # the former losses and loss-functions questions together


@pytest.mark.parametrize("table, tags, message", [
    ("metrics: [evaluation]\n", "[metrics, astrology]", "astrology not in tags.yaml"),
    ("metrics: [map]\ndetection: [map]\n", "[metrics]", "'map' stands for both"),
    ("- metrics\n", "[metrics]", "must map each tag"),
])
def test_the_tag_table_is_strict(tmp_path, table, tags, message):
    folder = write_questions(tmp_path / "questions", {
        **{k: v for k, v in QUESTIONS.items() if not k.endswith(".md") or k == "README.md"},
        "q.md": question("q", "Q?", tags=tags), TAGS_FILE: table})
    with pytest.raises(QuestionError, match=re.escape(message)):
        create_app(web_config(tmp_path / "db.sqlite3", QUESTIONS_DIR=folder))


def test_aliases_are_merged_once_in_the_file_order(tmp_path):
    folder = write_questions(tmp_path / "questions", {
        "q.md": question("q", "Q?", tags="[map, detection, evaluation]"),
        TAGS_FILE: "metrics: [map, evaluation]\ndetection: []\n"})
    app = create_app(web_config(tmp_path / "db.sqlite3", QUESTIONS_DIR=folder))
    assert app.extensions["cvjudge.questions"]["q"].tags == ("metrics", "detection")
    app.extensions["cvjudge.db"].engine.dispose()
