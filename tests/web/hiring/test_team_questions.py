"""A team's private written questions (issue 19, finding 7): the bank's model answers are
public, so a candidate could look up a written item by its title; a team's own stay private."""
import re

from tests.web.helpers import html
from tests.web.hiring.interview_helpers import (
    QUESTION,
    create_interview,
    create_team,
    create_template,
)

TITLE = "How would you pick the IoU threshold of our shelf detector?"
ANSWER = "Sweep it on held-out shelves; **duplicates** versus misses decide."


def add_question(owner, team_id, title=TITLE, answer=ANSWER, points="Sweeps thresholds\nNames the trade-off"):
    page = f"/teams/{team_id}/questions"
    return owner.post_form(page, {"title": title, "answer": answer, "key_points": points}, page=page)


def question_id(owner, team_id) -> int:
    page = html(owner.client.get(f"/teams/{team_id}/questions"))
    return int(re.search(r'data-question="(\d+)"', page).group(1))


def test_a_team_question_is_used_in_an_interview_and_its_answer_stays_in_the_team(
        app, login, client, candidate, clock):
    owner = login("owner")
    team_id = create_team(owner)
    assert add_question(owner, team_id).status_code == 302
    ref = f"team:{question_id(owner, team_id)}"
    template_id = create_template(owner, team_id, items=[("challenge", "iou", 40),
                                                         ("question", ref, 10)])
    _, link = create_interview(owner, team_id, template_id)
    candidate.start(link)
    candidate.goto(1, current=0)
    written = html(candidate.page())
    assert TITLE.replace("?", "") in written.replace("?", "")
    assert "duplicates" not in written  # the model answer is the team's
    # nowhere public: not on the concepts pages, not in the search
    for path in ("/concepts", "/concepts?q=shelf+detector"):
        assert "pick the IoU threshold of our" not in html(client.get(path))


def test_the_report_shows_the_team_questions_model_answer_and_key_points(login, candidate, clock):
    owner = login("owner")
    team_id = create_team(owner)
    add_question(owner, team_id)
    template_id = create_template(owner, team_id, items=[
        ("question", f"team:{question_id(owner, team_id)}", 10)])
    interview_id, link = create_interview(owner, team_id, template_id)
    candidate.start(link)
    candidate.finish(current=0, answer="Sweep it.")
    report = html(owner.client.get(f"/teams/{team_id}/interviews/{interview_id}/report"))
    assert "<strong>duplicates</strong>" in report
    assert "Names the trade-off" in report


def test_other_teams_cannot_use_or_see_a_team_question(login):
    owner, rival = login("owner"), login("rival")
    team_id, rival_team = create_team(owner), create_team(rival, name="Rivals")
    add_question(owner, team_id)
    number = question_id(owner, team_id)
    assert rival.client.get(f"/teams/{team_id}/questions/{number}").status_code == 404
    page = f"/teams/{rival_team}/templates"
    created = rival.post_form(page, {"name": "Steal", "duration_minutes": 30}, page=page)
    template = created.headers["Location"].rsplit("/", 1)[1]
    added = rival.post_form(f"{page}/{template}/items", {"item": f"question:team:{number}",
                                                        "points": 10}, page=page)
    assert added.status_code == 400


def test_the_template_editor_warns_about_public_questions(login):
    owner = login("owner")
    team_id = create_team(owner)
    add_question(owner, team_id)
    template_id = create_template(owner, team_id, items=[
        ("question", QUESTION, 10), ("question", f"team:{question_id(owner, team_id)}", 10)])
    page = html(owner.client.get(f"/teams/{team_id}/templates/{template_id}"))
    assert page.count('class="public-warning"') == 1  # the bank question only
    assert "Your team&#39;s private questions" in page or "Your team's private questions" in page


def test_team_questions_are_edited_validated_and_deleted(login):
    owner = login("owner")
    team_id = create_team(owner)
    assert add_question(owner, team_id, answer="").status_code == 400
    assert add_question(owner, team_id, title="\u200b").status_code == 400
    add_question(owner, team_id)
    number = question_id(owner, team_id)
    base = f"/teams/{team_id}/questions/{number}"
    saved = owner.post_form(base, {"title": "A sharper question?", "answer": "Better.",
                                   "key_points": ""}, page=base)
    assert saved.status_code == 302
    assert "A sharper question?" in html(owner.client.get(f"/teams/{team_id}/questions"))
    template_id = create_template(owner, team_id, items=[("question", f"team:{number}", 10)])
    assert owner.post_form(f"{base}/delete", {}, page=base).status_code == 302
    assert "team:" not in html(owner.client.get(f"/teams/{team_id}/templates/{template_id}"))
