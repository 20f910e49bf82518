"""Every challenge of the catalogue in a real browser: its page renders (statement, maths,
editor with the starter's signature), and a wrong answer to a new challenge comes back with
its counterexample drawn."""
import re

import pytest
from playwright.sync_api import expect

from judge.catalogue import load_catalogue
from tests.browser.conftest import SCREENSHOTS, browser_page, register, running_server
from tests.browser.test_solve_flow import VERDICT_TIMEOUT_MS, type_code

CATALOGUE = load_catalogue()


@pytest.fixture(scope="module")
def catalogue_server(docker_client, tmp_path_factory):
    """A server of its own: these submissions must not show on the shared server's leaderboard."""
    with running_server(tmp_path_factory.mktemp("catalogue-server")) as base:
        yield base


@pytest.fixture
def page(chromium, catalogue_server):
    with browser_page(chromium, catalogue_server) as page:
        yield page


def test_every_challenge_page_renders_with_its_signature(page):
    page.goto("/")
    listed = page.locator("tr[data-challenge]")
    expect(listed).to_have_count(len(CATALOGUE))
    for challenge in CATALOGUE.values():
        page.goto(f"/challenges/{challenge.id}")
        expect(page.locator("h1")).to_contain_text(challenge.title)
        expect(page.locator("#editor .cm-editor")).to_be_visible()
        signature = re.search(r"^def [^\n]*", challenge.starter, re.M).group(0)
        expect(page.locator("#editor .cm-content")).to_contain_text(signature.split("(")[0])


@pytest.mark.parametrize("challenge_id, wrong", [
    ("rotated_iou", "wrong_clockwise"),
    ("connected_components", "wrong_column_major_order"),
])
def test_a_wrong_answer_to_a_new_challenge_is_drawn(page, challenge_id, wrong):
    register(page, f"drawn-{challenge_id.replace('_', '-')}")
    page.goto(f"/challenges/{challenge_id}")
    source = (CATALOGUE[challenge_id].path / "solutions" / f"{wrong}.py").read_text()
    type_code(page, source)
    page.click("#submit-code")
    result = page.locator("#result-panel article.result")
    expect(page.locator("#result-panel article.result[data-status=done]")).to_have_attribute(
        "data-verdict", "wrong_answer", timeout=VERDICT_TIMEOUT_MS)
    expect(result.locator(".counterexample svg").first).to_be_visible()
    expect(result.locator("table.properties tr.fail").first).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    result.locator(".counterexample").screenshot(
        path=str(SCREENSHOTS / f"counterexample-{challenge_id}.png"))
