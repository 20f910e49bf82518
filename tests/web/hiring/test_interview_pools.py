"""Pools in templates: drawn when an interview is created, recorded, spread across the team's
candidates and never repeating what the same candidate e-mail already met with the team."""
import json

from tests.web.helpers import html, session
from tests.web.hiring.interview_helpers import create_interview, create_team, create_template
from web.models import Interview, TemplateItem

POOL = ("nms", "soft_nms", "batched_nms")


def pooled_template(owner, team_id: int, choices=POOL) -> int:
    template_id = create_template(owner, team_id, items=[("challenge", "iou", 20)])
    url = f"/teams/{team_id}/templates/{template_id}"
    response = owner.post_form(f"{url}/pools", {"choices": [f"challenge:{c}" for c in choices],
                                                "points": 30}, page=url)
    assert response.status_code == 302, html(response)
    return template_id


def drawn(app, interview_id: int) -> list[tuple[str, str | None]]:
    with session(app) as s:
        return [(item.ref_id, item.draw_json) for item in s.get(Interview, interview_id).items]


def test_candidates_in_a_row_get_different_items_and_the_draw_is_recorded(app, login):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = pooled_template(owner, team_id)
    page = html(owner.client.get(f"/teams/{team_id}/templates/{template_id}"))
    assert "one challenge of: Greedy non-maximum suppression, Gaussian soft non-maximum " \
        "suppression, Class-aware (batched) non-maximum suppression" in page
    got = []
    for n in range(3):
        interview_id, _ = create_interview(owner, team_id, template_id, name=f"C{n}",
                                           email=f"c{n}@example.com")
        (fixed, none), (ref, record) = drawn(app, interview_id)
        assert (fixed, none) == ("iou", None)
        record = json.loads(record)
        assert record["pool"] == {"choices": list(POOL)} and record["eligible"] == list(POOL)
        assert record["avoided"] == [] and record["repeat"] is False
        got.append(ref)
    assert sorted(got) == sorted(POOL)  # the team's least used first: three candidates, three
    report = owner.client.get(f"/teams/{team_id}/interviews/{interview_id}/report")
    assert "Drawn from a pool: one challenge of:" in html(report)


def test_the_same_email_never_meets_an_item_again_while_the_pool_has_others(app, login):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = pooled_template(owner, team_id)
    seen = set()
    for attempt in range(3):  # Ada comes back, her address written another way once
        email = "Ada@Example.com" if attempt == 1 else "ada@example.com"
        interview_id, _ = create_interview(owner, team_id, template_id, email=email)
        ref, record = drawn(app, interview_id)[1]
        assert ref not in seen
        assert sorted(json.loads(record)["avoided"]) == sorted(seen)
        seen.add(ref)
    interview_id, _ = create_interview(owner, team_id, template_id)  # all met: a repeat, said so
    assert json.loads(drawn(app, interview_id)[1][1])["repeat"] is True
    other_team = create_team(owner, "Another team")  # another team's history does not count
    other_template = pooled_template(owner, other_team)
    interview_id, _ = create_interview(owner, other_team, other_template)
    assert json.loads(drawn(app, interview_id)[1][1])["avoided"] == []


def test_a_tag_and_difficulty_pool_draws_from_the_catalogue(app, login):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id, items=[])
    url = f"/teams/{team_id}/templates/{template_id}"
    for _ in range(2):
        assert owner.post_form(f"{url}/pools", {"kind": "challenge", "tag": "boxes",
                                                "difficulty": "easy", "points": 10},
                               page=url).status_code == 302
    assert "any easy challenge tagged boxes" in html(owner.client.get(url))
    interview_id, _ = create_interview(owner, team_id, template_id)
    refs = [ref for ref, _ in drawn(app, interview_id)]
    assert len(set(refs)) == 2  # no item twice in one interview
    with app.app_context():
        from web.practice.catalogue import catalogue
        for ref in refs:
            challenge = catalogue().challenges[ref]
            assert "boxes" in challenge.tags and challenge.difficulty == "easy"


def test_bad_pools_are_refused_with_a_reason(app, login):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id, items=[])
    url = f"/teams/{team_id}/templates/{template_id}/pools"
    cases = [({"choices": ["challenge:iou"]}, "2 to"),
             ({"choices": ["challenge:iou", "question:intersection-over-union"]}, "not both"),
             ({"choices": ["challenge:iou", "challenge:nope"]}, "Not in the catalogue"),
             ({"kind": "challenge", "tag": "no-such-tag"}, "No challenge has tag"),
             ({"kind": "challenge", "difficulty": "brutal"}, "difficulty must be"),
             ({"kind": "essay"}, "challenges or questions")]
    for form, message in cases:
        response = owner.post_form(url, {**form, "points": 10}, page=url)
        assert response.status_code == 400 and message in html(response), form
    with session(app) as s:
        assert s.query(TemplateItem).count() == 0


def test_a_pool_that_cannot_be_drawn_stops_the_interview_with_a_reason(app, login):
    owner = login("owner")
    team_id = create_team(owner)
    template_id = create_template(owner, team_id, items=[("challenge", "nms", 10),
                                                         ("challenge", "soft_nms", 10)])
    url = f"/teams/{team_id}/templates/{template_id}"
    owner.post_form(f"{url}/pools", {"choices": ["challenge:nms", "challenge:soft_nms"],
                                     "points": 10}, page=url)
    response = owner.post_form(f"/teams/{team_id}/interviews",
                               {"template_id": template_id, "candidate_name": "Ada",
                                "candidate_email": "ada@example.com", "link_days": 7},
                               page=f"/teams/{team_id}")
    assert response.status_code == 400 and "nothing left to draw" in html(response)
    with session(app) as s:
        assert s.query(Interview).count() == 0
