"""`cvjudge create-user` and `create-token`: an account and a working API token from a shell."""
import pytest

from web.cli import main


@pytest.fixture
def cli_env(fresh_database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", fresh_database_url)
    monkeypatch.setenv("CVJUDGE_SECRET_KEY", "cli-test")
    monkeypatch.delenv("CVJUDGE_BROKER_URL", raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "correct horse battery")


def test_a_printed_token_opens_the_api(cli_env, app, capsys):
    assert main(["create-user", "alice"]) == 0
    capsys.readouterr()
    assert main(["create-token", "alice", "--name", "deploy script"]) == 0
    token = capsys.readouterr().out.strip()
    response = app.test_client().get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.get_json()["user"] == "alice"


def test_a_token_for_nobody_is_refused(cli_env, capsys):
    assert main(["create-token", "nobody"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "no account named nobody" in captured.err
