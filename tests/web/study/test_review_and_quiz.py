"""Review mode and the quick quiz through the pages; the quiz clock is controlled, not slept."""
import re

import pytest

from tests.web.helpers import html
from tests.web.study.test_concepts import QUESTIONS, write_questions
from web.study import quiz
from web.text import MAX_ANSWER_CHARS


@pytest.fixture
def app_config(tmp_path):
    return {"QUESTIONS_DIR": write_questions(tmp_path / "questions", QUESTIONS)}


def due_count(page: str) -> int:
    return int(re.search(r'<strong id="due-count">(\d+)</strong>', page).group(1))


def test_review_shows_one_card_and_the_queue_shrinks_with_each_rating(login):
    me = login("learner")
    page = html(me.client.get("/review"))
    assert due_count(page) == 3
    seen = []
    assert "No streak yet" in page and "0-day" not in page
    assert "No streak yet" in html(me.client.get("/progress"))
    for rating in ("3", "1", "4"):
        question = re.search(r'data-question="([\w-]+)"', page).group(1)
        seen.append(question)
        assert re.search(r'<details class="answer" >', page)  # hidden until revealed
        assert re.search(r'value="3" class=" rate-good" disabled\s+aria-keyshortcuts="3">'
                         r'<kbd>3</kbd> Good <small>· \d+ days?</small>', page)
        response = me.post_form(f"/review/{question}", {"rating": rating}, page="/review")
        assert response.status_code == 302
        page = html(me.client.get("/review"))
    assert len(set(seen)) == 3 and due_count(page) == 1  # the one rated again comes back today
    assert re.search(r'data-question="([\w-]+)"', page).group(1) == seen[1]
    assert "<strong>1</strong>-day streak" in page
    me.post_form(f"/review/{seen[1]}", {"rating": "3"}, page="/review")
    page = html(me.client.get("/review"))
    assert due_count(page) == 0 and "All done for today" in page
    assert "keep your 1-day streak going" in page
    progress = html(me.client.get("/progress"))
    assert '<strong id="progress-streak">1</strong>' in progress
    assert '<strong id="progress-due">0</strong>' in progress


def test_bad_ratings_and_unknown_questions_are_refused(login):
    me = login("learner")
    assert me.post_form("/review/anchors", {"rating": "7"}, page="/review").status_code == 400
    assert me.post_form("/review/nope", {"rating": "3"}, page="/review").status_code == 404
    assert me.client.post("/review/anchors", data={"rating": "3"}).status_code == 400  # no CSRF


def start_quiz(browser, count="3", **choice) -> str:
    response = browser.post_form("/quiz", {"count": count, "section": "", "tag": "", **choice},
                                 page="/quiz")
    assert response.status_code == 302
    return response.headers["Location"]


def test_a_quiz_is_answered_marked_and_scored(login):
    me = login("learner")
    url = start_quiz(me)
    answered = []
    for position in range(3):
        page = html(me.client.get(url))
        assert f"question {position + 1} of 3" in page and "data-deadline=" in page
        title = re.search(r"<h1>(.*?)</h1>", page).group(1)
        answered.append(title)
        me.post_form(f"{url}/answer/{position}", {"answer": f"My answer about {title}"}, page=url)
        me.post_form(f"{url}/answer/{position}", {"answer": "a second try"}, page=url)  # ignored
        page = html(me.client.get(url))
        assert f"My answer about {title}" in page and "a second try" not in page
        assert "Which key points did your answer cover?" in page
        me.post_form(f"{url}/mark/{position}", {"hit": ["0", "1", "9"]}, page=url)  # 9: no such
    summary = html(me.client.get(url))
    assert '<strong id="quiz-score">6 / 7</strong>' in summary  # 2 + 2 of 2, 2 and 3 points
    assert "3 of 3 answered</span>" in summary
    assert "6 / 7" in html(me.client.get("/progress"))


def test_the_summary_tells_blank_answers_from_late_ones(login):
    me = login("blanker")
    url = start_quiz(me)
    for position, text in enumerate(("Overlap over union.", "", "   ")):
        me.post_form(f"{url}/answer/{position}", {"answer": text}, page=url)
        me.post_form(f"{url}/mark/{position}", {}, page=url)
    summary = html(me.client.get(url))
    assert "1 of 3 answered, 2 left blank</span>" in summary
    assert summary.count("(left blank)") == 2 and "not answered in time" not in summary


def test_the_deadline_is_enforced_by_the_server(login, clock):
    """The quiz reads the same clock as interviews (web.clock), so moving it moves both."""
    me = login("learner")
    url = start_quiz(me, count="3")
    me.post_form(f"{url}/answer/0", {"answer": "in time"}, page=url)
    clock.advance(seconds=3 * quiz.SECONDS_PER_QUESTION + 1)
    page = html(me.client.get(url))  # the answered item can still be self-marked
    assert "Time is up." in page and "Which key points" in page
    me.post_form(f"{url}/mark/0", {"hit": ["0"]}, page=url)
    late = me.post_form(f"{url}/answer/1", {"answer": "too late"}, page=url)
    assert late.status_code == 302
    summary = html(me.client.get(url))
    assert "too late" not in summary and "(not answered in time)" in summary
    assert "1 of 3 answered, 2 not answered in time" in summary


def test_a_long_answer_is_refused_with_the_limit_never_cut(login):
    """Quiz answers follow the interview's rule: up to MAX_ANSWER_CHARS, else 413 and a message."""
    me = login("learner")
    url = start_quiz(me, count="3")
    refused = me.post_form(f"{url}/answer/0", {"answer": "x" * (MAX_ANSWER_CHARS + 1)}, page=url)
    assert refused.status_code == 413
    assert f"the limit is {MAX_ANSWER_CHARS:,}" in html(refused)
    assert "Your answer" in html(me.client.get(url)) and "Submit answer" in html(me.client.get(url))
    longest = "y" * MAX_ANSWER_CHARS
    assert me.post_form(f"{url}/answer/0", {"answer": longest}, page=url).status_code == 302
    assert longest in html(me.client.get(url))  # kept whole, not cut at 5,000 as it once was
    assert f'maxlength="{MAX_ANSWER_CHARS}"' in html(me.client.get(start_quiz(me, count="3")))


def test_quizzes_are_private_and_choices_are_checked(login):
    owner, other = login("owner"), login("other")
    url = start_quiz(owner)
    assert other.client.get(url).status_code == 404
    assert other.post_form(f"{url}/answer/0", {"answer": "x"}, page="/quiz").status_code == 404
    assert owner.post_form("/quiz", {"count": "4"}, page="/quiz").status_code == 400
    assert owner.post_form("/quiz", {"count": "3", "section": "Astrology"}, page="/quiz").status_code == 400
    tagged = start_quiz(owner, count="10", tag="segmentation")  # only one question has it
    assert "question 1 of 1" in html(owner.client.get(tagged))
    assert owner.post_form(f"{url}/mark/0", {"hit": "0"}, page=url).status_code == 400  # unanswered


def test_review_and_quiz_need_an_account(client):
    for path in ("/review", "/quiz"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"]
