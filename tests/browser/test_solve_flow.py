"""A person's whole journey in a real browser: register, solve, fail, fix, climb the leaderboard."""
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from tests.browser.conftest import SCREENSHOTS, browser_page, database_url, register, running_server
from web.models import Submission, User
from web.security import hash_password

VERDICT_TIMEOUT_MS = 120_000

SOLUTIONS = Path(__file__).resolve().parents[2] / "challenges" / "iou" / "solutions"
WRONG_IOU = (SOLUTIONS / "wrong_no_clamp.py").read_text()  # separated boxes "overlap"
RIGHT_IOU = (SOLUTIONS / "correct_intervals.py").read_text()
WRONG_MARK = "Forgets to clamp the overlap sides at zero"


def seed_rival(database_url: str) -> None:
    """Another user with a partial score, so the newcomer has someone to overtake."""
    engine = create_engine(database_url)
    with Session(engine) as session:
        rival = User(username="rival", password_hash=hash_password("not-used-here"))
        session.add(rival)
        session.flush()
        session.add(Submission(user_id=rival.id, challenge_id="nms", kind="submit", code="pass",
                               status="done", verdict="wrong_answer", score=60))
        session.commit()
    engine.dispose()


def type_code(page, code: str) -> None:
    """Replace the editor's content the way a person pasting would."""
    page.locator("#editor .cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)


def leaderboard_rows(page) -> list[tuple[str, str]]:
    page.goto("/leaderboard")
    return [(row.get_attribute("data-user"), row.locator("td.total").inner_text())
            for row in page.locator("table.leaderboard tbody tr[data-user]").all()]


@pytest.fixture(scope="module")
def journey_server(docker_client, tmp_path_factory):
    """A server of its own: the journey reads the whole leaderboard, which other browser tests
    on the shared server fill with their own submissions."""
    data = tmp_path_factory.mktemp("journey-server")
    with running_server(data) as base:
        yield {"url": base, "database": database_url(data)}


@pytest.fixture
def page(chromium, journey_server):
    with browser_page(chromium, journey_server["url"]) as page:
        yield page


def test_register_fail_fix_and_climb(page, journey_server):
    seed_rival(journey_server["database"])
    assert leaderboard_rows(page) == [("rival", "60")]

    register(page, "newcomer")
    expect(page.locator("header .me")).to_have_text("newcomer")

    page.click("text=Intersection over Union of two boxes")
    expect(page).to_have_url(re.compile(r"/challenges/iou$"))
    expect(page.locator("#editor .cm-editor")).to_be_visible()
    expect(page.locator(".statement .katex").first).to_be_visible()  # maths typeset
    expect(page.locator("#editor .cm-content")).to_contain_text("def iou(box_a, box_b)")

    # a draft survives a reload
    type_code(page, WRONG_IOU)
    page.wait_for_timeout(600)  # the draft is saved after a short pause in typing
    page.reload()
    expect(page.locator("#editor .cm-content")).to_contain_text(WRONG_MARK)

    # the visible examples pass (they hold no separated boxes), the hidden tests do not
    page.click("#run-examples")
    panel = page.locator("#result-panel article.result[data-status=done]")
    expect(panel).to_be_visible(timeout=VERDICT_TIMEOUT_MS)
    expect(panel).to_contain_text("examples passed")

    page.click("#submit-code")
    expect(page.locator("#result-panel article.result[data-status=done]")).to_have_attribute(
        "data-verdict", "wrong_answer", timeout=VERDICT_TIMEOUT_MS)
    result = page.locator("#result-panel article.result")
    expect(result.locator(".counterexample")).to_contain_text("expected")
    expect(result.locator(".counterexample svg")).to_be_visible()  # the boxes, drawn
    expect(result.locator("table.properties tr.fail").first).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "challenge-page.png"), full_page=False)
    result.screenshot(path=str(SCREENSHOTS / "result-panel.png"))
    history = page.locator("#history tr[data-submission-id]")
    expect(history).to_have_count(1)
    wrong_score = int(result.locator(".score strong").inner_text())
    assert 0 <= wrong_score < 100

    ranks = leaderboard_rows(page)
    if wrong_score:
        assert ("newcomer", str(wrong_score)) in ranks
    assert ranks[0] == ("rival", "60") or wrong_score > 60

    # fix it and resubmit
    page.goto("/challenges/iou")
    type_code(page, RIGHT_IOU)
    page.click("#submit-code")
    expect(page.locator("#result-panel article.result[data-status=done]")).to_have_attribute(
        "data-verdict", "accepted", timeout=VERDICT_TIMEOUT_MS)
    expect(page.locator("#result-panel .score strong")).to_have_text("100")
    expect(page.locator("#history tr[data-submission-id]")).to_have_count(2)

    # the old submission can be reopened in the editor
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#history tr[data-submission-id]").last.locator("button.reopen").click()
    expect(page.locator("#editor .cm-content")).to_contain_text(WRONG_MARK)

    assert leaderboard_rows(page)[:2] == [("newcomer", "100"), ("rival", "60")]
    expect(page.locator("table.leaderboard tr.me")).to_contain_text("newcomer")
