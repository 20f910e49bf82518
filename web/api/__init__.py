"""The JSON API under /api/v1 and its OpenAPI document."""
from web.api import api_pages

blueprints = (api_pages.bp,)


def init_app(_app) -> None:
    """Nothing to start."""
