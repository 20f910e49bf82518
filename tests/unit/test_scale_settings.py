"""The small pure pieces of the scale-out path: log lines, database URLs, Celery settings."""
import pytest

from web.config import database_url
from web.db import shown_url
from web.grading.dispatch import make_celery
from web.logs import logfmt


def test_log_lines_are_key_value_pairs_quoted_when_needed():
    assert logfmt(event="stored", submission=7, score=100, seconds=0.5, skipped=None) == \
        "event=stored submission=7 score=100 seconds=0.500"
    assert logfmt(event="x", error='a "quoted" = value', empty="") == \
        'event=x error="a \\"quoted\\" = value" empty=""'


@pytest.mark.parametrize("given, used", [
    ("postgresql://u:p@db/cvjudge", "postgresql+psycopg://u:p@db/cvjudge"),
    ("postgres://u@db/cvjudge", "postgresql+psycopg://u@db/cvjudge"),
    ("postgresql+psycopg://u@db/x", "postgresql+psycopg://u@db/x"),
    ("sqlite:////tmp/x.sqlite3", "sqlite:////tmp/x.sqlite3"),
])
def test_plain_postgresql_urls_get_the_psycopg3_driver(given, used):
    assert database_url(given) == used


def test_an_unset_database_url_means_the_sqlite_file():
    assert database_url(None).startswith("sqlite:///") and database_url("").endswith(".sqlite3")


def test_passwords_are_hidden_when_urls_are_shown():
    assert shown_url("postgresql+psycopg://cv:hunter2@db:5432/cvjudge") == \
        "postgresql+psycopg://cv:***@db:5432/cvjudge"
    assert "hunter2" not in shown_url("redis://:hunter2@redis:6379/0")


def test_the_celery_app_is_configured_for_late_acks_one_job_per_process_and_no_publish_retry():
    """What the Celery app really runs with (not our dict): the settings redelivery depends on.

    That a killed worker's job is redelivered and graded once is shown by the scale layer
    (tests/scale/test_worker_killed.py), with real workers; here only the configuration.
    """
    conf = make_celery({"BROKER_URL": "redis://127.0.0.1:1/0", "BROKER_VISIBILITY_S": 90.0}).conf
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_ignore_result and conf.task_publish_retry is False
    assert conf.broker_transport_options["visibility_timeout"] == 90.0
    assert conf.task_default_queue == "cvjudge"
