"""The main pages a visitor and a member see, and a member with something on each of them
(a team, a graded run, a review and a quiz), for the layout, theme and accessibility tests."""
import re

from playwright.sync_api import expect

from tests.browser.conftest import register

VERDICT_TIMEOUT_MS = 120_000

PUBLIC = {
    "challenges": "/",
    "challenge": "/challenges/iou",
    "concepts": "/concepts",
    "concepts-search": "/concepts?q=suppresion",
    "question": "/concepts/non-maximum-suppression",
    "leaderboard": "/leaderboard",
    "login": "/login",
    "register": "/register",
}


def member_with_history(page, username: str) -> dict[str, str]:
    """Sign up, run the examples once, rate a card, start a quiz and a team; returns
    {name: path} of the pages a member sees, each with content."""
    register(page, username)
    expect(page.locator("header .me")).to_have_text(username)
    page.goto("/challenges/iou")
    page.click("#run-examples")
    result = page.locator("#result-panel article.result[data-status=done]")
    expect(result).to_be_visible(timeout=VERDICT_TIMEOUT_MS)
    submission = result.get_attribute("data-submission-id")
    page.goto("/review")
    expect(page.locator("article.flashcard[data-keys=on]")).to_be_visible()
    page.keyboard.press("Space")
    page.locator("button.rate-good").click()
    page.goto("/quiz")
    page.select_option("select[name=count]", "3")
    page.click("form.card button[type=submit]")
    expect(page.locator(".timer .remaining")).to_be_visible()
    quiz = page.url
    page.goto("/teams")
    page.fill("input[name=name]", f"{username} hiring")
    page.click("main form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/teams/\d+"))
    team = re.search(r"/teams/(\d+)", page.url).group(1)
    shared = {name: path for name, path in PUBLIC.items() if name not in ("login", "register")}
    return {
        **shared,
        "review": "/review",
        "quiz": "/quiz",
        "quiz-question": quiz,
        "progress": "/progress",
        "teams": "/teams",
        "team": f"/teams/{team}",
        "team-members": f"/teams/{team}/members",
        "account": "/account",
        "profile": f"/users/{username}",
        "submission": f"/submissions/{submission}",
    }
