"""Helpers for the web tests: rows written straight into the database, bits picked out of HTML."""
import json
import re
from datetime import timedelta

from markupsafe import escape

from web.models import Submission, User, utcnow


def session(app):
    """A database session outside any request; commits when the block ends."""
    return app.extensions["cvjudge.db"].session()


def add_users(app, *usernames: str, active: bool = True) -> list[int]:
    """Users that cannot log in (no real password hash): fast, for standings."""
    with session(app) as s:
        users = [User(username=name, password_hash="-", active=active) for name in usernames]
        s.add_all(users)
        s.flush()
        return [user.id for user in users]


def add_submission(app, user_id: int, challenge: str = "iou", score: int | None = 100, *,
                   days_ago: float = 0.0, kind: str = "submit", status: str = "done",
                   verdict: str | None = None, code: str = "def f(): pass") -> int:
    """A submission with a chosen score and age; graded (`done`) unless told otherwise."""
    if status == "done" and verdict is None:
        verdict = "accepted" if score == 100 else "wrong_answer"
    with session(app) as s:
        submission = Submission(user_id=user_id, challenge_id=challenge, kind=kind, code=code,
                                status=status, verdict=verdict,
                                score=score if status == "done" else None,
                                created_at=utcnow() - timedelta(days=days_ago))
        s.add(submission)
        s.flush()
        return submission.id


def get_submission(app, submission_id: int) -> Submission:
    with session(app) as s:
        return s.get(Submission, submission_id)


def update_user(app, user_id: int, **values) -> None:
    with session(app) as s:
        user = s.get(User, user_id)
        for key, value in values.items():
            setattr(user, key, value)


def html(response) -> str:
    return response.get_data(as_text=True)


def shows(response, text: str) -> bool:
    """Whether the page shows `text` (as Jinja escapes it)."""
    return str(escape(text)) in html(response)


def table_row(page: str, attribute: str, value: str) -> str:
    """The inner HTML of the `<tr {attribute}="{value}">` row; fails when there is none."""
    match = re.search(rf'<tr[^>]*{attribute}="{re.escape(value)}"[^>]*>(.*?)</tr>', page, re.S)
    assert match, f"no row with {attribute}={value!r}"
    return match.group(1)


def attribute_values(page: str, attribute: str) -> list[str]:
    """Every value of `attribute` on table rows, in page order."""
    return re.findall(rf'<tr[^>]*{attribute}="([^"]*)"', page)


def script_json(page: str, element_id: str):
    """The parsed content of `<script type="application/json" id=...>`."""
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>',
                      page, re.S)
    assert match, f"no JSON script {element_id!r}"
    return json.loads(match.group(1))


def post_json(browser, path: str, body=None, **kwargs):
    """POST as the page's own scripts do: session cookie plus the X-CSRFToken header."""
    headers = {"X-CSRFToken": browser.csrf(), **kwargs.pop("headers", {})}
    if body is not None:
        kwargs["json"] = body
    return browser.client.post(path, headers=headers, **kwargs)


def create_token(browser, name: str = "script", scopes=("read", "submit")):
    """Create an API token from the account page, as its form does (ticked boxes send "y");
    returns the response."""
    token = browser.csrf("/account")
    return browser.client.post("/account/tokens", data={
        "token-name": name, "token-csrf_token": token, **{f"token-{s}": "y" for s in scopes}})


def new_token(browser, name: str = "script", scopes=("read", "submit")) -> str:
    """Create an API token and read it off the page (it is shown this once)."""
    page = html(create_token(browser, name, scopes))
    match = re.search(r'<code id="new-token">([^<]+)</code>', page)
    assert match, "the new token is not on the page"
    return match.group(1)


INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=")


def assert_no_inline_script(page: str) -> None:
    """With script-src 'self', inline code would not run: only bundle files and JSON data."""
    for tag in re.findall(r"<script\b[^>]*>", page):
        assert 'src="/static/' in tag or 'type="application/json"' in tag, tag
    assert not INLINE_HANDLER.search(page), "inline event handler"


class QueryCounter:
    """Counts the SQL statements the app's engine runs while the block runs."""

    def __init__(self, app):
        self.engine = app.extensions["cvjudge.db"].engine
        self.count = 0

    def _count(self, *_args):
        self.count += 1

    def __enter__(self):
        from sqlalchemy import event
        event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *exc):
        from sqlalchemy import event
        event.remove(self.engine, "before_cursor_execute", self._count)


def queries_for(app, client, path: str) -> int:
    """How many SQL statements rendering `path` takes (it must answer 200)."""
    with QueryCounter(app) as counter:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return counter.count
