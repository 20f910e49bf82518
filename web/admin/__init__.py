"""Administration: users (role, disable) and practice submissions (browse, rejudge)."""
from web.admin import admin_pages

blueprints = (admin_pages.bp,)


def init_app(_app) -> None:
    """Nothing to start."""
