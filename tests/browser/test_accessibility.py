"""An accessibility audit with axe-core (from npm, node_modules/axe-core): no serious or
critical violation on the main pages, logged out and in, in the light and the dark theme."""
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import REPO, _missing, browser_page
from tests.browser.main_pages import PUBLIC, member_with_history

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


def audit(page) -> list[dict]:
    """axe's serious and critical violations on the page, each with a few of its elements."""
    page.add_script_tag(path=str(AXE))
    report = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"rule": v["id"], "impact": v["impact"], "help": v["help"],
             "where": [node["target"] for node in v["nodes"][:3]]}
            for v in report["violations"] if v["impact"] in BLOCKING]


@pytest.fixture(scope="module")
def axe_script() -> Path:
    if not AXE.exists():
        _missing("axe-core (run `make assets`, which installs the npm packages)")
    return AXE


def audit_pages(page, pages: dict) -> dict:
    found = {}
    for name, path in pages.items():
        page.goto(path)
        page.wait_for_load_state("networkidle")
        if problems := audit(page):
            found[name] = problems
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_public_pages_have_no_serious_violations(chromium, live_server, axe_script, scheme):
    # the audit injects axe's script: the page's CSP (script-src 'self') would refuse it
    with browser_page(chromium, live_server["url"], color_scheme=scheme, bypass_csp=True) as page:
        found = audit_pages(page, PUBLIC)
    assert not found, json.dumps(found, indent=1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_member_pages_have_no_serious_violations(chromium, live_server, axe_script, scheme):
    with browser_page(chromium, live_server["url"], color_scheme=scheme, bypass_csp=True) as page:
        found = audit_pages(page, member_with_history(page, f"axe-{scheme}"))
        page.goto("/review")
        expect(page.locator("article.flashcard[data-keys=on]")).to_be_visible()
        page.keyboard.press("Space")  # the revealed card, its buttons enabled
        expect(page.locator("details.answer[open]")).to_be_visible()
        if problems := audit(page):
            found["review-revealed"] = problems
    assert not found, json.dumps(found, indent=1)
