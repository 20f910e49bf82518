"""Display preferences: kept on the server for signed-in users, validated, shown on every page."""
import re

import pytest

from tests.web.helpers import html, script_json
from web.accounts import preferences


def theme_of(page: str) -> str:
    return re.search(r'<html lang="en" data-theme="(\w+)"', page).group(1)


def save(me, body):
    return me.client.post("/account/preferences", json=body, headers={"X-CSRFToken": me.csrf()})


def test_visitors_get_the_system_theme_and_no_server_copy(client):
    page = html(client.get("/"))
    assert theme_of(page) == "system"
    assert 'id="user-prefs"' not in page and "data-prefs-url" not in page
    assert client.get("/account/preferences").status_code == 302  # to the login page


def test_preferences_are_saved_as_json_and_follow_the_user(login):
    me = login("vimmer")
    assert me.client.get("/account/preferences").get_json() == preferences.DEFAULTS
    response = save(me, {"keymap": "vim", "font_size": 18, "theme": "dark"})
    assert response.status_code == 200
    assert response.get_json() == {**preferences.DEFAULTS, "keymap": "vim", "font_size": 18,
                                   "theme": "dark"}
    page = html(me.client.get("/challenges/iou"))
    assert theme_of(page) == "dark"
    assert script_json(page, "user-prefs")["keymap"] == "vim"
    assert re.search(r'<option value="18" selected>18 px</option>', page)
    save(me, {"editor_theme": "light"})  # a partial change keeps the rest
    assert me.client.get("/account/preferences").get_json()["font_size"] == 18


@pytest.mark.parametrize("body, message", [
    ({"theme": "purple"}, "theme must be one of system, light, dark"),
    ({"font_size": 99}, "font_size must be a whole number from 11 to 24"),
    ({"font_size": True}, "font_size must be a whole number"),
    ({"colour": "red"}, "unknown preference 'colour'"),
    (["vim"], "preferences must be a JSON object"),
])
def test_bad_preferences_are_refused_with_a_clear_message_and_nothing_changes(login, body, message):
    me = login("picky")
    save(me, {"font_size": 16})
    response = save(me, body)
    assert response.status_code == 400 and message in response.get_json()["error"]
    assert me.client.get("/account/preferences").get_json()["font_size"] == 16


def test_the_account_page_form_saves_them_too(login):
    me = login("former")
    page = html(me.client.get("/account"))
    assert 'name="keymap"' in page and 'name="theme"' in page
    response = me.post_form("/account/preferences", {"theme": "light", "font_size": "13",
                                                     "editor_theme": "dark", "keymap": "default"},
                            page="/account")
    assert response.status_code == 302
    page = html(me.client.get(response.headers["Location"]))
    assert "Preferences saved." in page and theme_of(page) == "light"
    bad = me.post_form("/account/preferences", {"theme": "neon"}, page="/account")
    assert "Preferences not saved: theme must be one of" in html(me.client.get(bad.headers["Location"]))


def test_a_save_without_the_csrf_token_is_refused(login):
    me = login("forged")
    assert me.client.post("/account/preferences", json={"theme": "dark"}).status_code == 400
    assert me.client.get("/account/preferences").get_json()["theme"] == "system"


def test_a_stored_value_no_longer_allowed_falls_back_to_its_default(app, login):
    me = login("legacy")
    from tests.web.helpers import update_user
    update_user(app, me.user_id, preferences='{"font_size": 3, "keymap": "vim", "x": 1}')
    assert me.client.get("/account/preferences").get_json() == {**preferences.DEFAULTS,
                                                                "keymap": "vim"}
