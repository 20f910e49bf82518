"""Helpers for the mock-interview tests: a team set up through its own pages, and a candidate
with a browser of their own (a separate test client, so a separate cookie jar)."""
import re
from dataclasses import dataclass

from tests.web.conftest import Browser, csrf_from
from tests.web.helpers import html

QUESTION = "intersection-over-union"  # a question of the bundled bank
ITEMS = (("challenge", "iou", 40), ("question", QUESTION, 10))


def create_team(owner: Browser, name: str = "Vision hiring") -> int:
    response = owner.post_form("/teams", {"name": name}, page="/teams")
    assert response.status_code == 302, html(response)
    return int(re.search(r"/teams/(\d+)", response.headers["Location"]).group(1))


def create_template(owner: Browser, team_id: int, items=ITEMS, minutes: int = 30,
                    name: str = "Detection, 30 min") -> int:
    page = f"/teams/{team_id}/templates"
    response = owner.post_form(page, {"name": name, "duration_minutes": minutes}, page=page)
    assert response.status_code == 302, html(response)
    template_id = int(re.search(r"/templates/(\d+)$", response.headers["Location"]).group(1))
    for kind, ref, points in items:
        added = owner.post_form(f"{page}/{template_id}/items", {"item": f"{kind}:{ref}",
                                                               "points": points}, page=page)
        assert added.status_code == 302, html(added)
    return template_id


def create_interview(owner: Browser, team_id: int, template_id: int, name: str = "Ada Lovelace",
                     email: str = "ada@example.com", days: int = 7) -> tuple[int, str]:
    """Create an interview through the form (which redirects to the interview's page, where
    the link waits behind Copy link); returns its id and the candidate's link path."""
    response = owner.post_form(f"/teams/{team_id}/interviews",
                               {"template_id": template_id, "candidate_name": name,
                                "candidate_email": email, "link_days": days},
                               page=f"/teams/{team_id}")
    assert response.status_code == 302, html(response)
    return interview_id_and_link(owner.client.get(response.headers["Location"]))


def interview_id_and_link(response) -> tuple[int, str]:
    page = html(response)
    link = re.search(r'<code id="candidate-link">http://localhost(/i/[\w-]+)</code>', page)
    interview = re.search(r"interview #(\d+)", page)
    assert link and interview, "no link on the page"
    return int(interview.group(1)), link.group(1)


class Candidate:
    """Someone with a link and a browser: no account, their own cookies."""

    def __init__(self, client):
        self.client = client
        self.interview_id: int | None = None

    def open(self, link: str):
        return self.client.get(link)

    def start(self, link: str):
        token = csrf_from(html(self.client.get(link)))
        response = self.client.post(f"{link}/start", data={"csrf_token": token})
        if response.status_code == 302:
            self.interview_id = int(response.headers["Location"].rsplit("/", 1)[1])
        return response

    @property
    def base(self) -> str:
        return f"/interview/{self.interview_id}"

    def page(self):
        return self.client.get(self.base)

    def csrf(self) -> str:
        return csrf_from(html(self.client.get("/login")))

    def post_json(self, path: str, body: dict):
        return self.client.post(self.base + path, json=body,
                                headers={"X-CSRFToken": self.csrf(), "Accept": "application/json"})

    def snapshot(self, position: int, code: str):
        return self.post_json(f"/items/{position}/snapshot", {"code": code})

    def answer(self, position: int, text: str):
        return self.post_json(f"/items/{position}/answer", {"answer": text})

    def submit(self, position: int, code: str, kind: str = "submit"):
        return self.post_json(f"/items/{position}/submissions", {"code": code, "kind": kind})

    def goto(self, position: int, current: int | None = None, **work):
        data = {"position": position, "csrf_token": self.csrf(), **work}
        if current is not None:
            data["current"] = current
        return self.client.post(self.base + "/goto", data=data)

    def finish(self, current: int | None = None, **work):
        data = {"csrf_token": self.csrf(), **work}
        if current is not None:
            data["current"] = current
        return self.client.post(self.base + "/finish", data=data)


@dataclass
class Setup:
    owner: Browser
    team_id: int
    template_id: int
    interview_id: int
    link: str

    @property
    def url(self) -> str:
        return f"/teams/{self.team_id}/interviews/{self.interview_id}"
