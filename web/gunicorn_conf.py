"""gunicorn settings for the web service; GUNICORN_CMD_ARGS overrides any of them."""
bind = "0.0.0.0:8000"
workers = 2
worker_class = "gthread"  # threads: a slow client holds a thread, not a process
threads = 4
timeout = 60
graceful_timeout = 20
accesslog = "-"
preload_app = False  # each worker builds the app itself (web/wsgi.py starts threads)
