"""Scorecards: each member rates each item on their own; the others' show only after one's own
is in; the report combines them; private notes stay on the report page; the one-page summary
(page and CSV)."""
import csv
import io

from tests.web.helpers import html
from tests.web.hiring.test_teams import invite_link, join


def rate(browser, url: str, position: int, rating: str, notes: str = "", private: str = ""):
    response = browser.post_form(f"{url}/items/{position}/review",
                                 {"rubric": rating, "notes": notes, "private_notes": private},
                                 page="/teams")
    assert response.status_code == 302, html(response)


def report(browser, url: str) -> str:
    return html(browser.client.get(f"{url}/report"))


def test_two_interviewers_rate_independently_and_their_scores_combine(setup, login, candidate,
                                                                    clock):
    bob = login("bob")
    join(bob, invite_link(setup.owner, setup.team_id))
    candidate.start(setup.link)
    candidate.finish()
    url = setup.url
    rate(setup.owner, url, 1, "4", "Clear on the formula", "Hesitant; ask about edge cases")
    page = report(bob, url)  # bob has not rated: the owner's scorecard is hidden from him
    assert "1 colleague has rated this item" in page
    assert "Clear on the formula" not in page and "Hesitant" not in page
    assert "rate to see" in page and 'id="report-hidden"' in page
    assert 'id="report-total">0 / 50<' in page  # the hidden rating counts for nothing yet
    rate(bob, url, 1, "2", "Vague")
    page = report(bob, url)
    assert "colleague has rated" not in page
    assert 'data-reviewer="owner"' in page and 'data-reviewer="bob"' in page
    assert "Clear on the formula" in page and "Vague" in page
    assert "Hesitant; ask about edge cases" in page  # private notes: on the team's page
    assert 'data-field="combined">3/5<' in page  # (4 + 2) / 2
    assert 'id="report-total">6 / 50<' in page  # 3/5 of 10 points; the code earned 0
    assert 'id="team-rating">3/5<' in page
    assert 'data-field="combined">3/5<' in report(setup.owner, url)  # the same for the owner
    rate(bob, url, 1, "5", "On reflection, fine")  # a later scorecard replaces the earlier
    assert 'data-field="combined">4.5/5<' in report(bob, url)


def test_the_one_page_summary_and_its_csv_leave_private_notes_out(setup, login, candidate,
                                                                  clock):
    bob = login("bob")
    join(bob, invite_link(setup.owner, setup.team_id))
    candidate.start(setup.link)
    candidate.finish()
    rate(setup.owner, setup.url, 0, "3", "Readable code", "Do not share: seemed nervous")
    rate(setup.owner, setup.url, 1, "5", "Precise")
    rate(bob, setup.url, 1, "4", "Good")
    summary = html(setup.owner.client.get(f"{setup.url}/summary"))
    assert 'id="summary-total">9 / 50<' in summary  # 4.5/5 of 10
    assert 'id="summary-rating">4/5<' in summary  # (3 + 5 + 4) / 3
    assert "Readable code" in summary and "Precise" in summary and "Good" in summary
    assert "Do not share" not in summary
    assert "data-print" in summary
    response = setup.owner.client.get(f"{setup.url}/summary.csv")
    assert response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert "Do not share" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["item"] for row in rows] == ["1", "2", "total"]
    assert rows[1]["combined_rating"] == "4.5" and rows[1]["earned"] == "9.0"
    assert rows[1]["scorecards"] == "owner (5/5): Precise\nbob (4/5): Good"
    assert rows[2]["combined_rating"] == "4" and rows[2]["scorecards"] == "bob, owner"
    # for someone who has not rated item 1 yet, the summary hides it too
    carol = login("carol")
    join(carol, invite_link(setup.owner, setup.team_id))
    rows = list(csv.DictReader(io.StringIO(
        carol.client.get(f"{setup.url}/summary.csv").get_data(as_text=True))))
    assert rows[1]["earned"] == "hidden until you rate it" and rows[1]["scorecards"] == ""


def test_scorecards_are_for_team_members_only(setup, login):
    outsider = login("outsider")
    response = outsider.post_form(f"{setup.url}/items/1/review", {"rubric": "5"}, page="/teams")
    assert response.status_code == 404
    assert outsider.client.get(f"{setup.url}/summary").status_code == 404
    assert outsider.client.get(f"{setup.url}/summary.csv").status_code == 404
