"""Pictures of the main pages for the README: phone (375 px) and desktop (1366 px), light and
dark theme, in docs/screenshots/themes/. Each page must render without a console error."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS, browser_page, register

SIZES = {"phone": (375, 812), "desktop": (1366, 900)}
VISITOR = {"challenges": "/", "challenge": "/challenges/nms", "concepts": "/concepts?q=suppresion"}
MEMBER = {"review": "/review", "progress": "/progress"}
FOLDER = SCREENSHOTS / "themes"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", list(SIZES))
def test_main_pages_in_both_themes_at_both_sizes(chromium, live_server, size, scheme):
    width, height = SIZES[size]
    FOLDER.mkdir(parents=True, exist_ok=True)
    with browser_page(chromium, live_server["url"], width=width, height=height,
                      color_scheme=scheme) as page:
        for name, path in VISITOR.items():
            page.goto(path)
            expect(page.locator("main h1, main h2").first).to_be_visible()
            page.screenshot(path=str(FOLDER / f"{name}-{size}-{scheme}.png"))
        register(page, f"shots-{size}-{scheme}")
        expect(page.locator("header .me")).to_have_count(1)
        for name, path in MEMBER.items():
            page.goto(path)
            if name == "review":
                expect(page.locator("article.flashcard[data-keys=on]")).to_be_visible()
                page.keyboard.press("Space")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(FOLDER / f"{name}-{size}-{scheme}.png"))
