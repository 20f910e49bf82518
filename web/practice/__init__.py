"""Practice: the challenge catalogue, submitting and results, the standings (leaderboard,
progress, acceptance rates)."""
from web.practice import catalogue, challenge_pages, score_pages, submission_pages

blueprints = (challenge_pages.bp, submission_pages.bp, score_pages.bp)
init_app = catalogue.init_app
