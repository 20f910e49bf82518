"""Every URL a page or a script uses comes from Flask's router (url_for, url_pattern): no path
is written by hand in a template or in the browser code, so a route can move in one place."""
import re
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "web"
TEMPLATES = sorted((WEB / "templates").rglob("*.html"))
SCRIPTS = sorted((WEB / "frontend" / "src").glob("*.js"))
PATH_IN_ATTRIBUTE = re.compile(r"""\b(?:href|action|src|data-[\w-]+)=["']/""")
PATH_IN_STRING = re.compile(r"""(?<!\w)['"`]/[A-Za-z{$]""")


def code_of(script: Path) -> str:
    """The script without its comments (they may name URLs to explain them)."""
    return re.sub(r"//[^\n]*|/\*.*?\*/", "", script.read_text(), flags=re.S)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(WEB)))
def test_templates_write_no_path_by_hand(template):
    assert not PATH_IN_ATTRIBUTE.findall(template.read_text())


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_scripts_write_no_path_by_hand(script):
    assert not PATH_IN_STRING.findall(code_of(script))


def test_the_checks_see_a_path_written_by_hand():
    assert PATH_IN_ATTRIBUTE.findall('<div data-panel-url="/interview/{{ id }}/panel">')
    assert PATH_IN_STRING.findall("const url = urls.panelUrl || '/submissions/{id}/panel';")
    assert PATH_IN_STRING.findall("fetch(`/challenges/${name}/history`)")
    assert not PATH_IN_STRING.findall("const re = /a/; x.split('/')")
