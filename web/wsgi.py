"""The WSGI entry point: `gunicorn --config python:web.gunicorn_conf web.wsgi:app`.

Migrations are not run here (`cvjudge init-db` does that first, once). With a broker
configured (CVJUDGE_BROKER_URL) Celery workers grade and this process only queues. Without
one, each gunicorn worker process runs its own grading threads: claims are atomic, so the
pools share the database queue safely. gunicorn must not preload the app (threads do not
survive its fork), which is its default.
"""
import atexit
import os

from web import create_app
from web import worker

app = create_app()

if not os.environ.get("CVJUDGE_BROKER_URL"):
    _pool = worker.InProcessPool(app.extensions["cvjudge.db"],
                                 app.extensions["cvjudge.catalogue"].challenges,
                                 app.config["WORKERS"])
    worker.init_app(app, _pool)
    _pool.start()
    atexit.register(_pool.stop)
