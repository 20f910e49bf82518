"""gunicorn settings for the web service; GUNICORN_CMD_ARGS overrides any of them."""
import os

bind = "0.0.0.0:8000"
# With a broker the processes only serve pages. Without one each process would run its own
# grading threads, and one restarting would re-queue the others' work: keep one process.
workers = 2 if os.environ.get("CVJUDGE_BROKER_URL") else 1
worker_class = "gthread"  # threads: a slow client holds a thread, not a process
threads = 4
timeout = 60
graceful_timeout = 20
accesslog = "-"
preload_app = False  # each process builds the app itself (web/wsgi.py may start threads)
