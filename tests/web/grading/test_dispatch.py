"""Which queue a submission goes to, what happens when the broker is away, /healthz, status.

The broker tests use a real redis-server (private, on a free port) or a port nobody listens on.
"""
import base64
import json
import logging

import pytest
from sqlalchemy import create_engine

from tests.servers import free_port, start_redis
from tests.web.helpers import add_submission, add_users, get_submission
from web.cli import main
from web.grading import dispatch as queue
from web.grading.queue_status import describe, queue_status

BROKER_SETTINGS = {"REPUBLISH_S": 600.0, "BROKER_VISIBILITY_S": 60.0}
CODE = "def iou(a, b):\n    return 0.0\n"


@pytest.fixture(scope="module")
def redis_server():
    server = start_redis()
    yield server
    server.close()


def unreachable_broker() -> str:
    return f"redis://:s3cret-password@127.0.0.1:{free_port()}/0"


class RecordingPool:
    def __init__(self):
        self.dispatched = []

    def dispatch(self, submission_id):
        self.dispatched.append(submission_id)


def test_without_a_queue_a_submission_waits_in_the_database(app, login):
    response = login("ada").submit("iou", CODE)
    assert response.status_code == 202
    assert get_submission(app, response.get_json()["id"]).status == "queued"


def test_the_pool_is_told_of_new_and_rejudged_submissions(app, login):
    pool = RecordingPool()
    queue.attach_pool(app, pool)
    submission_id = login("ada").submit("iou", CODE).get_json()["id"]
    graded = add_submission(app, add_users(app, "bob")[0], "iou", 40)
    admin = login("root", "admin")
    admin.post_form(f"/admin/submissions/{graded}/rejudge", {}, page="/admin/submissions")
    assert pool.dispatched == [submission_id, graded]


@pytest.mark.parametrize("app_config", [{"BROKER_URL": unreachable_broker(), **BROKER_SETTINGS}])
def test_with_the_broker_down_the_api_still_queues(app, login, caplog):
    with caplog.at_level(logging.WARNING, logger="web.grading.dispatch"):
        response = login("ada").submit("iou", CODE)
    assert response.status_code == 202  # the sweep sends it once Redis is back
    submission_id = response.get_json()["id"]
    assert get_submission(app, submission_id).status == "queued"
    assert f"event=dispatch_failed submission={submission_id} " in caplog.text


class TestWithALiveBroker:
    @pytest.fixture
    def app_config(self, redis_server):
        redis_server.stop(hard=True)  # every test starts with an empty Redis
        redis_server.start()
        return {"BROKER_URL": redis_server.url, **BROKER_SETTINGS}

    def test_a_message_and_a_sent_marker_are_published(self, app, login):
        broker = queue.broker_queue(app)
        first = login("ada").submit("iou", CODE).get_json()["id"]
        second = login("bob").submit("iou", CODE).get_json()["id"]
        assert broker.depth() == 2
        message = json.loads(broker.redis.lindex(queue.QUEUE, -1))  # the oldest goes first
        assert message["headers"]["task"] == queue.TASK
        assert json.loads(base64.b64decode(message["body"]))[0] == [first]
        assert 0 < broker.redis.ttl(queue.MARKER.format(first)) <= 600
        broker.forget(second)
        assert broker.unsent([first, second, 999]) == [second, 999]

    def test_only_one_worker_sweeps_in_each_interval(self, app):
        broker = queue.broker_queue(app)
        assert broker.take_sweep_turn(30) is True
        assert broker.take_sweep_turn(30) is False

    def test_healthz(self, client):
        body = client.get("/healthz").get_json()
        assert body["status"] == "ok" and body["queue"] == "celery"
        assert body["checks"]["broker"]["ok"] and body["checks"]["database"]["ok"]


def test_healthz_without_a_broker(client):
    response = client.get("/healthz")
    body = response.get_json()
    assert response.status_code == 200 and body["status"] == "ok"
    assert body["queue"] == "in-process" and "broker" not in body["checks"]
    assert body["checks"]["database"]["ok"] and body["checks"]["database"]["revision"]
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("app_config", [{"BROKER_URL": unreachable_broker(), **BROKER_SETTINGS}])
def test_healthz_is_503_when_the_broker_is_down_and_leaks_nothing(app, client):
    response = client.get("/healthz")
    body = response.get_json()
    assert response.status_code == 503 and body["status"] == "failing"
    assert body["checks"]["broker"] == {"ok": False, "error": "ConnectionError",
                                        "ms": body["checks"]["broker"]["ms"]}
    assert body["checks"]["database"]["ok"] is True
    text = response.get_data(as_text=True)
    assert "s3cret" not in text and "127.0.0.1" not in text


def test_healthz_is_503_when_the_database_is_gone(app, client):
    database = app.extensions["cvjudge.db"]
    database.engine.dispose()
    database.engine = create_engine(f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["database"]["ok"] is False


def test_status_counts_the_queue_and_ages_the_oldest(app):
    user = add_users(app, "ada")[0]
    oldest = add_submission(app, user, status="queued", days_ago=1 / 24)
    add_submission(app, user, status="queued")
    add_submission(app, user, status="running")
    add_submission(app, user, 100)
    status = queue_status(app.extensions["cvjudge.db"], lease_s=60)
    assert (status["queued"], status["running"], status["queue"]) == (2, 1, "in-process")
    assert status["oldest_queued"]["id"] == oldest
    assert 3500 < status["oldest_queued"]["age_s"] < 3700
    assert f"oldest queued: #{oldest}, waiting 36" in describe(status)


def test_status_reports_an_unreachable_broker(app):
    broker = queue.BrokerQueue({"BROKER_URL": unreachable_broker(), **BROKER_SETTINGS})
    status = queue_status(app.extensions["cvjudge.db"], broker, lease_s=60)
    assert status["broker"] == {"ok": False, "error": "ConnectionError"}
    assert "broker: unreachable" in describe(status)


def test_status_command_prints_json(app, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", app.config["DATABASE_URL"])
    monkeypatch.delenv("CVJUDGE_BROKER_URL", raising=False)
    assert main(["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["queued"] == 0


def test_worker_refuses_to_start_without_a_broker(monkeypatch, capsys):
    monkeypatch.delenv("CVJUDGE_BROKER_URL", raising=False)
    assert main(["worker"]) == 2
    assert "CVJUDGE_BROKER_URL" in capsys.readouterr().err
