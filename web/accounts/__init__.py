"""Accounts: signing up and in, public profiles, the account page and its API tokens."""
from web.accounts import accounts_pages, profile_pages

blueprints = (accounts_pages.bp, profile_pages.bp)


def init_app(_app) -> None:
    """Nothing to start: who is asking is the kernel's (web.login)."""
