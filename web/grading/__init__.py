"""Grading: a submission's life (lifecycle), where it is sent (dispatch), who grades it
(thread_pool in the web process, or celery_worker on Redis), and how the queue is doing
(queue_status, health_pages)."""
from web.grading import dispatch, health_pages

blueprints = (health_pages.bp,)
init_app = dispatch.init_app
