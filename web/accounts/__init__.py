"""Accounts: signing up and in, public profiles, the account page, its API tokens and the
user's display preferences."""
from web.accounts import accounts_pages, preference_pages, profile_pages

blueprints = (accounts_pages.bp, profile_pages.bp, preference_pages.bp)


def init_app(_app) -> None:
    """Nothing to start: who is asking is the kernel's (web.login)."""
