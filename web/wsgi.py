"""The WSGI entry point: `gunicorn --config python:web.gunicorn_conf web.wsgi:app`.

Migrations are not run here (`cvjudge init-db` does that first, once). With a broker
configured (CVJUDGE_BROKER_URL) Celery workers grade and this process only queues. Without
one, this process also runs the grading threads, as `cvjudge serve` does; web/gunicorn_conf.py
then starts a single gunicorn process, so there is one pool and a restart re-queues only its
own unfinished work. gunicorn must not preload the app (threads do not survive its fork).
"""
import atexit

from web import create_app
from web.grading.thread_pool import start_pool

app = create_app()

if not app.config["BROKER_URL"]:
    atexit.register(start_pool(app, app.config["WORKERS"]).stop)
