"""Who a name says someone is: whole-string usernames, look-alikes, invisible characters,
and passwords nobody guesses first (issue 19, findings 4 and 12)."""
import pytest
from sqlalchemy import select

from tests.web.conftest import PASSWORD
from tests.web.helpers import html, session, shows
from tests.web.hiring.interview_helpers import create_team
from web.accounts.identity import name_key, password_problem, username_problem
from web.models import ApiToken, Team, User


def register(browser, username, password=PASSWORD):
    return browser.post_form("/register", {"username": username, "password": password,
                                           "confirm": password}, page="/register")


def usernames(app) -> list[str]:
    with session(app) as s:
        return list(s.scalars(select(User.username).order_by(User.id)))


@pytest.mark.parametrize("name", ["admin\n", "demo\n", "\nadmin", "ad\nmin", "admin\r\n"])
def test_a_username_with_a_newline_is_refused(app, browser, name):
    """`$` matches before a final newline: `admin\\n` used to be accepted and shown as admin."""
    response = register(browser, name)
    assert response.status_code == 400
    assert usernames(app) == []


def test_the_username_rule_matches_the_whole_name():
    assert username_problem("admin") is None
    assert username_problem("admin\n") and username_problem("admin!") and username_problem("ab")


@pytest.mark.parametrize("existing, newcomer", [
    ("admin", "ADMIN"), ("admln", "admIn"), ("admln", "adm1n"),
    ("bob", "b0b"), ("paul", "pauI"), ("modern", "rnodern"), ("Lily", "1ily"),
])
def test_a_name_that_looks_like_an_existing_one_is_refused(app, browser, make_user, existing,
                                                          newcomer):
    make_user(existing)
    response = register(browser, newcomer)
    assert response.status_code == 400
    assert shows(response, "That username is taken.") or \
        shows(response, f"That username is too easy to mistake for “{existing}”; choose another.")
    assert usernames(app) == [existing]


def test_names_that_only_share_letters_are_not_look_alikes(app, browser, make_user):
    make_user("anna")
    assert register(browser, "annie").status_code == 302
    assert name_key("anna") != name_key("annie")


def test_look_alike_keys_follow_the_confusable_prototypes():
    assert name_key("adm1n") == name_key("admln") == name_key("ADMLN")
    assert name_key("rn") == name_key("m")
    assert name_key("b0b") == name_key("BOB")


@pytest.mark.parametrize("password", ["password123", "12345678", "qwertyuiop", "iloveyou1"])
def test_common_passwords_are_refused(app, browser, password):
    response = register(browser, "carol", password)
    assert response.status_code == 400
    assert "Choose a harder password" in html(response)
    assert usernames(app) == []


def test_the_password_rule_accepts_a_passphrase():
    assert password_problem(PASSWORD) is None
    assert password_problem("carolcarol", "carol")  # a repeated name


def test_the_cli_applies_the_same_rules(app, monkeypatch, capsys):
    from web import cli
    monkeypatch.setattr("getpass.getpass", lambda _prompt: "12345678")
    monkeypatch.setattr("web.create_app", lambda: app)
    assert cli.main(["create-user", "newbie"]) == 2
    assert "harder password" in capsys.readouterr().err
    assert usernames(app) == []


INVISIBLE = ["\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u00ad", "\x07"]


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_names_lose_zero_width_bidi_and_control_characters(app, login, char):
    owner = login("owner")
    create_team(owner, name=f"Vision{char} hiring{char}")
    owner.post_form("/account/tokens", {"token-name": f"ci{char}bot", "token-read": "y"},
                    page="/account")
    with session(app) as s:
        assert s.scalar(select(Team.name)) == "Vision hiring"
        assert s.scalar(select(ApiToken.name)) == "cibot"


def test_a_name_of_invisible_characters_only_is_refused(app, login):
    owner = login("owner")
    response = owner.post_form("/teams", {"name": "\u200b\u202e"}, page="/teams")
    assert response.status_code == 400
