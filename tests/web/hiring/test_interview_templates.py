"""Templates: items from the catalogue, order, points, duration; interviews keep their copy."""
from tests.web.helpers import attribute_values, html, session
from tests.web.hiring.interview_helpers import QUESTION, create_interview, create_team, create_template
from web.models import Interview


def items_of(browser, team_id: int, template_id: int) -> list[str]:
    page = html(browser.client.get(f"/teams/{team_id}/templates/{template_id}"))
    return attribute_values(page, "data-ref")


def test_items_are_added_reordered_repointed_and_removed(login):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id, items=[("challenge", "iou", 40),
                                                         ("question", QUESTION, 10),
                                                         ("challenge", "nms", 50)])
    base = f"/teams/{team_id}/templates/{template_id}/items"
    assert items_of(owner, team_id, template_id) == ["challenge:iou", f"question:{QUESTION}",
                                                     "challenge:nms"]
    owner.post_form(f"{base}/2", {"action": "up"}, page="/teams")
    assert items_of(owner, team_id, template_id) == ["challenge:iou", "challenge:nms",
                                                     f"question:{QUESTION}"]
    owner.post_form(f"{base}/0", {"action": "down"}, page="/teams")
    owner.post_form(f"{base}/0", {"action": "up"}, page="/teams")  # already first: no change
    assert items_of(owner, team_id, template_id)[:2] == ["challenge:nms", "challenge:iou"]
    owner.post_form(f"{base}/1", {"action": "points", "points": 25}, page="/teams")
    owner.post_form(f"{base}/0", {"action": "remove"}, page="/teams")
    page = html(owner.client.get(f"/teams/{team_id}/templates/{template_id}"))
    assert attribute_values(page, "data-ref") == ["challenge:iou", f"question:{QUESTION}"]
    assert 'value="25"' in page and "<td>35</td>" in page  # 25 + 10 points in all


def test_bad_items_points_and_settings_are_refused(login):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id, items=[])
    url = f"/teams/{team_id}/templates/{template_id}"
    for item in ("challenge:nope", "question:nope", "essay:iou", ""):
        assert owner.post_form(f"{url}/items", {"item": item, "points": 5},
                               page=url).status_code == 400
    for points in ("0", "-3", "1001", "ten", ""):
        assert owner.post_form(f"{url}/items", {"item": "challenge:iou", "points": points},
                               page=url).status_code == 400
    for minutes in ("4", "241", "x"):
        assert owner.post_form(url, {"name": "T", "duration_minutes": minutes},
                               page=url).status_code == 400
    assert owner.post_form(url, {"name": " ", "duration_minutes": 30}, page=url).status_code == 400
    assert owner.post_form(f"{url}/items/0", {"action": "up"}, page=url).status_code == 404
    owner.post_form(f"{url}/items", {"item": "challenge:iou", "points": 5}, page=url)
    assert owner.post_form(f"{url}/items/0", {"action": "fly"}, page=url).status_code == 400


def test_an_empty_template_cannot_be_sent(login):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id, items=[])
    response = owner.post_form(f"/teams/{team_id}/interviews",
                               {"template_id": template_id, "candidate_name": "Ada",
                                "candidate_email": "ada@example.com", "link_days": 7},
                               page=f"/teams/{team_id}")
    assert response.status_code == 400 and "no items" in html(response)


def test_candidate_details_are_checked(login):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id)
    for name, email, days in (("", "a@example.com", 7), ("Ada", "not-an-email", 7),
                              ("Ada", "a@example.com", 365), ("x" * 121, "a@example.com", 7)):
        response = owner.post_form(f"/teams/{team_id}/interviews",
                                   {"template_id": template_id, "candidate_name": name,
                                    "candidate_email": email, "link_days": days},
                                   page=f"/teams/{team_id}")
        assert response.status_code == 400


def test_editing_or_deleting_a_template_never_changes_an_interview(app, login):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id, minutes=30)
    interview_id, _ = create_interview(owner, team_id, template_id)
    url = f"/teams/{team_id}/templates/{template_id}"
    owner.post_form(url, {"name": "Renamed", "duration_minutes": 90}, page=url)
    owner.post_form(f"{url}/items/0", {"action": "points", "points": 99}, page=url)
    owner.post_form(f"{url}/items", {"item": "challenge:nms", "points": 5}, page=url)
    owner.post_form(f"{url}/items/1", {"action": "remove"}, page=url)
    with session(app) as s:
        interview = s.get(Interview, interview_id)
        assert (interview.title, interview.duration_s) == ("Detection, 30 min", 1800)
        assert [(i.kind, i.ref_id, i.points) for i in interview.items] == \
            [("challenge", "iou", 40), ("question", QUESTION, 10)]
    assert owner.post_form(f"{url}/delete", {}, page=url).status_code == 302
    assert owner.client.get(url).status_code == 404
    report = owner.client.get(f"/teams/{team_id}/interviews/{interview_id}/report")
    assert report.status_code == 200 and "Intersection over Union" in html(report)
